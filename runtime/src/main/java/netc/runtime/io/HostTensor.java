package netc.runtime.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A tensor in host memory as a safetensors file stores it: an element type, a shape ({@code []} for a
 * scalar) and the little-endian bytes, row-major.
 */
public final class HostTensor {
    private final DType dtype;
    private final long[] shape;
    private final ByteBuffer data;

    public HostTensor(DType dtype, long[] shape, ByteBuffer data) {
        long expected = elements(shape) * dtype.bytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("a " + dtype + " tensor of shape " + Arrays.toString(shape)
                    + " takes " + expected + " bytes, got " + data.remaining());
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public static HostTensor ofFloats(float[] values, long... shape) {
        ByteBuffer bytes = allocate(values.length, DType.F32);
        bytes.asFloatBuffer().put(values);
        return new HostTensor(DType.F32, shape, bytes);
    }

    public static HostTensor ofInts(int[] values, long... shape) {
        ByteBuffer bytes = allocate(values.length, DType.I32);
        bytes.asIntBuffer().put(values);
        return new HostTensor(DType.I32, shape, bytes);
    }

    public static HostTensor ofLongs(long[] values, long... shape) {
        ByteBuffer bytes = allocate(values.length, DType.I64);
        bytes.asLongBuffer().put(values);
        return new HostTensor(DType.I64, shape, bytes);
    }

    private static ByteBuffer allocate(int count, DType dtype) {
        return ByteBuffer.allocate(Math.multiplyExact(count, dtype.bytes())).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The number of elements of {@code shape} (1 for a scalar). */
    public static long elements(long... shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    /** {@code shape} widened to the longs a safetensors header uses. */
    public static long[] shapeOf(int... shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long elements() {
        return elements(shape);
    }

    /** The raw little-endian bytes (a fresh read-only view). */
    public ByteBuffer bytes() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public float[] floats() {
        float[] values = new float[Math.toIntExact(elements())];
        requireType(DType.F32).asFloatBuffer().get(values);
        return values;
    }

    public int[] ints() {
        int[] values = new int[Math.toIntExact(elements())];
        requireType(DType.I32).asIntBuffer().get(values);
        return values;
    }

    public long[] longs() {
        long[] values = new long[Math.toIntExact(elements())];
        requireType(DType.I64).asLongBuffer().get(values);
        return values;
    }

    public double[] doubles() {
        double[] values = new double[Math.toIntExact(elements())];
        requireType(DType.F64).asDoubleBuffer().get(values);
        return values;
    }

    private ByteBuffer requireType(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("this tensor holds " + dtype + ", not " + wanted);
        }
        return bytes();
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
