package netc.runtime.model;

/** A network at a batch size needs more device memory than the device has; the message says which batch fits. */
public final class DeviceMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeviceMemoryException(String message) {
        super(message);
    }
}
