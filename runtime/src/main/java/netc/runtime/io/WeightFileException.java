package netc.runtime.io;

/**
 * A safetensors, weight or checkpoint file that cannot be read or does not fit the model; the
 * message names the file and says what is wrong.
 */
public final class WeightFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WeightFileException(String message) {
        super(message);
    }

    public WeightFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
