package netc.spark;

/** Data-parallel training could not start or go on: the message says what is wrong where, and the fix. */
public final class SparkTrainingException extends RuntimeException {
    public SparkTrainingException(String message) {
        super(message);
    }

    public SparkTrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
