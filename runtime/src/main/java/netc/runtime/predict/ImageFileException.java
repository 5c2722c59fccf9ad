package netc.runtime.predict;

/** An image file that cannot be read or decoded; the message names the file and the reason. */
public final class ImageFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImageFileException(String message) {
        super(message);
    }

    public ImageFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
