package netc.runtime.model;

/**
 * Device memory some buffers take: their total and the largest one alone, in bytes. The two are checked
 * against different limits: the device's memory, and the most one buffer may have.
 *
 * @param bytes all the buffers together
 * @param largestBufferBytes the largest single buffer
 */
public record DeviceMemory(long bytes, long largestBufferBytes) {
    public static final DeviceMemory NONE = new DeviceMemory(0, 0);

    /** One buffer of {@code count} floats (or ints: every buffer counts 4-byte elements). */
    public static DeviceMemory floats(long count) {
        return new DeviceMemory(count * 4, count * 4);
    }

    /** These buffers and {@code other}'s together. */
    public DeviceMemory plus(DeviceMemory other) {
        return new DeviceMemory(bytes + other.bytes, Math.max(largestBufferBytes, other.largestBufferBytes));
    }

    /** {@code copies} of these buffers. */
    public DeviceMemory times(int copies) {
        return copies == 0 ? NONE : new DeviceMemory(bytes * copies, largestBufferBytes);
    }
}
