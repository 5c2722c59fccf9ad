package netc.runtime.model;

/**
 * Device memory some buffers take: their total, the largest one alone, and the part that is scratch, in
 * bytes. The first two are checked against different limits: the device's memory, and the most one buffer
 * may have.
 *
 * <p>Scratch is what an op uses only inside one call (im2col columns, GEMM packing, Winograd transforms).
 * A generated model's ops share one {@link netc.runtime.cl.Scratch} block, so one op's buffers add up
 * ({@link #plus}) while different ops' scratch overlaps ({@link #alongside}): the block is the largest op's.
 *
 * @param bytes all the buffers together, scratch included
 * @param largestBufferBytes the largest single buffer (a shared scratch block counts as one)
 * @param scratchBytes the part of {@code bytes} that is scratch
 */
public record DeviceMemory(long bytes, long largestBufferBytes, long scratchBytes) {
    public static final DeviceMemory NONE = new DeviceMemory(0, 0, 0);

    /** Buffers of no scratch. */
    public DeviceMemory(long bytes, long largestBufferBytes) {
        this(bytes, largestBufferBytes, 0);
    }

    /** One buffer of {@code count} floats (or ints: every buffer counts 4-byte elements). */
    public static DeviceMemory floats(long count) {
        return new DeviceMemory(count * 4, count * 4);
    }

    /** Scratch of {@code count} floats: held only inside one call of the op. */
    public static DeviceMemory scratchFloats(long count) {
        return new DeviceMemory(count * 4, count * 4, count * 4);
    }

    /** These buffers and {@code other}'s together, of the same op: their scratch adds up. */
    public DeviceMemory plus(DeviceMemory other) {
        return new DeviceMemory(bytes + other.bytes, Math.max(largestBufferBytes, other.largestBufferBytes),
                scratchBytes + other.scratchBytes);
    }

    /** These buffers and another op's, whose scratch shares one block with these: the larger one counts. */
    public DeviceMemory alongside(DeviceMemory other) {
        long scratch = Math.max(scratchBytes, other.scratchBytes);
        return new DeviceMemory(bytes - scratchBytes + other.bytes - other.scratchBytes + scratch,
                Math.max(Math.max(largestBufferBytes, other.largestBufferBytes), scratch), scratch);
    }

    /** {@code copies} of these buffers, of the same op (their scratch adds up, as {@link #plus}). */
    public DeviceMemory times(int copies) {
        return copies == 0 ? NONE : new DeviceMemory(bytes * copies, largestBufferBytes, scratchBytes * copies);
    }

    /** These buffers with their scratch resized to {@code floats} (a shared block's size, rounding included). */
    public DeviceMemory withScratchFloats(long floats) {
        return new DeviceMemory(bytes - scratchBytes + 4 * floats, Math.max(largestBufferBytes, 4 * floats), 4 * floats);
    }

    /** Floats of scratch: the size of the block the ops share. */
    public long scratchFloats() {
        return scratchBytes / 4;
    }
}
