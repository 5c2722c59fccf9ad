package netc.runtime.cl;

import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueFillBuffer;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clReleaseMemObject;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_buffer_region;
import org.jocl.cl_mem;

/**
 * A block of device memory of a fixed size, allocated once and owned by whoever created it, or a view of
 * part of another block ({@link #view}), which shares its memory and allocates none.
 *
 * <p>Reads are blocking (the caller wants the values); writes are blocking too, so the host array
 * may be reused at once. Offsets and counts are in elements of 4 bytes (float or int).
 */
public final class Buffer implements AutoCloseable {
    private final Device device;
    private final cl_mem mem;
    private final long elements;
    /** True for a view: closing it releases the handle, not memory. */
    private final boolean view;
    private boolean closed;

    private Buffer(Device device, long elements) {
        if (elements < 1) {
            throw new IllegalArgumentException("a device buffer needs at least one element, got " + elements);
        }
        this.device = device;
        this.elements = elements;
        this.view = false;
        int[] status = new int[1];
        this.mem = clCreateBuffer(device.context(), CL_MEM_READ_WRITE, elements * 4L, null, status);
        if (status[0] != 0) {
            throw new ClException("clCreateBuffer", status[0], (elements * 4L) + " bytes");
        }
        device.recordAllocation(elements * 4L);
    }

    private Buffer(Buffer parent, long offset, long elements) {
        this.device = parent.device;
        this.elements = elements;
        this.view = true;
        int[] status = new int[1];
        cl_buffer_region region = new cl_buffer_region(offset * 4L, elements * 4L);
        this.mem = CL.clCreateSubBuffer(parent.mem, CL_MEM_READ_WRITE, CL.CL_BUFFER_CREATE_TYPE_REGION, region, status);
        if (status[0] != 0) {
            throw new ClException("clCreateSubBuffer", status[0], "elements [" + offset + ", " + (offset + elements)
                    + ") of a buffer of " + parent.elements);
        }
    }

    /** A buffer of {@code elements} 4-byte values (float or int), zero-filled. */
    public static Buffer allocate(Device device, long elements) {
        Buffer buffer = new Buffer(device, elements);
        buffer.zero();
        return buffer;
    }

    /**
     * Elements {@code [offset, offset + elements)} of this buffer as a buffer of their own, which kernels
     * read and write like any other; it allocates nothing and must be closed before this one. The offset in
     * bytes must be a multiple of the device's base address alignment ({@code CL_DEVICE_MEM_BASE_ADDR_ALIGN},
     * 128 bytes on PoCL; see {@link Device#viewAlignmentElements()}).
     */
    public Buffer view(long offset, long elements) {
        if (view) {
            throw new IllegalArgumentException("a view of a view is not supported; take both from the buffer itself");
        }
        checkRange(offset, elements);
        if (elements < 1) {
            throw new IllegalArgumentException("a view needs at least one element, got " + elements);
        }
        long alignment = device.viewAlignmentElements();
        if (offset % alignment != 0) {
            throw new IllegalArgumentException("a view must start at a multiple of " + alignment + " elements on "
                    + device.info().name() + " (its base address alignment), not at " + offset
                    + "; align the offset up.");
        }
        return new Buffer(this, offset, elements);
    }

    public Device device() {
        return device;
    }

    cl_mem mem() {
        return mem;
    }

    /** The number of 4-byte elements. */
    public long elements() {
        return elements;
    }

    public void write(float[] values) {
        write(values, 0, 0, values.length);
    }

    /** Copies {@code count} floats from {@code values[from]} to element {@code offset} of this buffer. */
    public void write(float[] values, int from, long offset, int count) {
        writeFrom(Pointer.to(values).withByteOffset(from * 4L), offset, count);
    }

    public void write(int[] values) {
        write(values, 0, 0, values.length);
    }

    public void write(int[] values, int from, long offset, int count) {
        writeFrom(Pointer.to(values).withByteOffset(from * 4L), offset, count);
    }

    /**
     * Copies the first {@code count} bytes of {@code values} to the start of this buffer, for kernels
     * that read it as bytes (e.g. uint8 pixels, a quarter of the float traffic).
     */
    public void writeBytes(byte[] values, int count) {
        if (count < 0 || count > values.length || count > elements * 4L) {
            throw new IndexOutOfBoundsException(count + " bytes from an array of " + values.length
                    + " into a buffer of " + (elements * 4L) + " bytes");
        }
        if (count > 0) {
            ClException.check(clEnqueueWriteBuffer(device.queue(), mem, CL_TRUE, 0, count, Pointer.to(values), 0,
                    null, null), "clEnqueueWriteBuffer");
        }
    }

    private void writeFrom(Pointer source, long offset, int count) {
        checkRange(offset, count);
        ClException.check(clEnqueueWriteBuffer(device.queue(), mem, CL_TRUE, offset * 4L, count * 4L, source, 0,
                null, null), "clEnqueueWriteBuffer");
    }

    /** Reads {@code count} floats starting at element {@code offset}, waiting for queued work first. */
    public float[] readFloats(long offset, int count) {
        float[] values = new float[count];
        readInto(Pointer.to(values), offset, count);
        return values;
    }

    public int[] readInts(long offset, int count) {
        int[] values = new int[count];
        readInto(Pointer.to(values), offset, count);
        return values;
    }

    private void readInto(Pointer target, long offset, int count) {
        checkRange(offset, count);
        ClException.check(clEnqueueReadBuffer(device.queue(), mem, CL_TRUE, offset * 4L, count * 4L, target, 0,
                null, null), "clEnqueueReadBuffer");
    }

    /** Enqueues setting every element to zero (no wait). */
    public void zero() {
        ClException.check(clEnqueueFillBuffer(device.queue(), mem, Pointer.to(new int[] {0}), Sizeof.cl_int,
                0, elements * 4L, 0, null, null), "clEnqueueFillBuffer");
    }

    /** Enqueues setting elements {@code [offset, offset + count)} to zero (no wait). */
    public void zero(long offset, long count) {
        if (count == 0) {
            return;
        }
        checkRange(offset, count);
        ClException.check(clEnqueueFillBuffer(device.queue(), mem, Pointer.to(new int[] {0}), Sizeof.cl_int,
                offset * 4L, count * 4L, 0, null, null), "clEnqueueFillBuffer");
    }

    /** Enqueues a device-side copy of {@code count} elements (no wait). */
    public void copyFrom(Buffer source, long sourceOffset, long offset, long count) {
        source.checkRange(sourceOffset, count);
        checkRange(offset, count);
        ClException.check(org.jocl.CL.clEnqueueCopyBuffer(device.queue(), source.mem, mem, sourceOffset * 4L,
                offset * 4L, count * 4L, 0, null, null), "clEnqueueCopyBuffer");
    }

    private void checkRange(long offset, long count) {
        if (offset < 0 || count < 0 || offset + count > elements) {
            throw new IndexOutOfBoundsException("elements [" + offset + ", " + (offset + count)
                    + ") outside a buffer of " + elements);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!view) {
                device.recordRelease(elements * 4L);
            }
            ClException.check(clReleaseMemObject(mem), "clReleaseMemObject");
        }
    }
}
