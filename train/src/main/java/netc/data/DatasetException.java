package netc.data;

/**
 * A dataset file that is missing or not what it claims to be; the message is one sentence naming the
 * file (or directory), what is wrong and, where there is one, the fix.
 */
public final class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
