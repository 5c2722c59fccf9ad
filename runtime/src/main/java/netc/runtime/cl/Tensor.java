package netc.runtime.cl;

import java.util.Arrays;

/**
 * A float32 array on the device with a shape, row-major (the last dimension varies fastest), as
 * PyTorch lays out a contiguous tensor: {@code (N, C, H, W)} for images, {@code (N, F)} for features.
 * It owns its buffer, which is either its own memory or a {@link #view} of another tensor's (a generated
 * model places its outputs and gradients in one block by when each is live).
 */
public final class Tensor implements AutoCloseable {
    private final int[] shape;
    private final Buffer buffer;

    public Tensor(Device device, int... shape) {
        this.shape = shape.clone();
        this.buffer = Buffer.allocate(device, size(shape));
    }

    private Tensor(Buffer buffer, int[] shape) {
        this.shape = shape;
        this.buffer = buffer;
    }

    /**
     * A tensor of {@code shape} over this one's elements from {@code offset} on: it shares this tensor's
     * memory (writing one writes the other) and must be closed before it. The offset must be aligned as
     * {@link Buffer#view} requires.
     */
    public Tensor view(long offset, int... shape) {
        return new Tensor(buffer.view(offset, size(shape)), shape.clone());
    }

    public static long size(int... shape) {
        long size = 1;
        for (int dimension : shape) {
            if (dimension < 1) {
                throw new IllegalArgumentException("tensor dimensions must be at least 1: " + Arrays.toString(shape));
            }
            size *= dimension;
        }
        return size;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dimension(int index) {
        return shape[index];
    }

    /** The number of floats. */
    public long size() {
        return buffer.elements();
    }

    public Buffer buffer() {
        return buffer;
    }

    public Device device() {
        return buffer.device();
    }

    /** Writes all values (their count must equal {@link #size()}). */
    public void upload(float[] values) {
        if (values.length != size()) {
            throw new IllegalArgumentException("tensor " + Arrays.toString(shape) + " holds " + size()
                    + " values, got " + values.length);
        }
        buffer.write(values);
    }

    /** Reads all values, waiting for queued work first. */
    public float[] download() {
        return buffer.readFloats(0, Math.toIntExact(size()));
    }

    public void zero() {
        buffer.zero();
    }

    @Override
    public void close() {
        buffer.close();
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
