package netc.runtime.cl;

/**
 * Where an op gets the buffers it uses only inside one call: its own ({@link #own}), or regions of the
 * {@link Scratch} block its model's ops share.
 */
@FunctionalInterface
public interface ScratchSource {

    /** A buffer of {@code floats} elements, good until the op's call returns. */
    Buffer take(long floats);

    /** Fresh buffers of the op's own, which it closes: for an op used on its own (tests, tools). */
    static ScratchSource own(Device device) {
        return floats -> Buffer.allocate(device, floats);
    }
}
