package netc.runtime.cl;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;

/**
 * One built kernel. Its arguments are set and the launch enqueued in one call, {@link #launch}, so a
 * kernel object shared by two ops of the same shape never sees the other's arguments, as long as one
 * thread drives the device: the two steps are not atomic, so a kernel is not safe to launch from two
 * threads at once.
 *
 * <p>Arguments are passed in the kernel's own order (outputs, inputs, sizes): a {@link Buffer} or
 * {@link Tensor} becomes its {@code cl_mem}, an {@code Integer} an {@code int}, a {@code Long} a
 * {@code long}, a {@code Float} a {@code float}.
 */
public final class Kernel implements AutoCloseable {
    private final Device device;
    private final String name;
    private final org.jocl.cl_kernel handle;

    Kernel(Device device, String name, org.jocl.cl_kernel handle) {
        this.device = device;
        this.name = name;
        this.handle = handle;
    }

    /**
     * The largest work-group this kernel runs in on its device ({@code CL_KERNEL_WORK_GROUP_SIZE}),
     * which a kernel's register use can make smaller than the device's maximum.
     */
    public long maxWorkGroupSize() {
        long[] size = new long[1];
        ClException.check(org.jocl.CL.clGetKernelWorkGroupInfo(handle, device.id(),
                org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size), null),
                "clGetKernelWorkGroupInfo");
        return size[0];
    }

    /**
     * Enqueues the kernel over {@code global} work-items, in work-groups of {@code local} (null lets
     * the driver choose). Each global size must be a multiple of its local size.
     */
    public void launch(long[] global, long[] local, Object... args) {
        for (int i = 0; i < args.length; i++) {
            setArg(i, args[i]);
        }
        int status = clEnqueueNDRangeKernel(device.queue(), handle, global.length, null, global, local, 0, null, null);
        if (status != 0) {
            throw new ClException("clEnqueueNDRangeKernel", status, "kernel '" + name + "', global "
                    + java.util.Arrays.toString(global) + ", local " + java.util.Arrays.toString(local));
        }
        device.recordLaunch();
    }

    /** A one-dimensional launch of {@code count} work-items, the driver choosing the work-group size. */
    public void launch1d(long count, Object... args) {
        launch(new long[] {count}, null, args);
    }

    private void setArg(int index, Object arg) {
        int status;
        if (arg instanceof Tensor tensor) {
            status = clSetKernelArg(handle, index, Sizeof.cl_mem, Pointer.to(tensor.buffer().mem()));
        } else if (arg instanceof Buffer buffer) {
            status = clSetKernelArg(handle, index, Sizeof.cl_mem, Pointer.to(buffer.mem()));
        } else if (arg instanceof Integer value) {
            status = clSetKernelArg(handle, index, Sizeof.cl_int, Pointer.to(new int[] {value}));
        } else if (arg instanceof Long value) {
            status = clSetKernelArg(handle, index, Sizeof.cl_long, Pointer.to(new long[] {value}));
        } else if (arg instanceof Float value) {
            status = clSetKernelArg(handle, index, Sizeof.cl_float, Pointer.to(new float[] {value}));
        } else {
            throw new IllegalArgumentException("kernel '" + name + "' argument " + index + ": unsupported type "
                    + (arg == null ? "null" : arg.getClass().getName()));
        }
        if (status != 0) {
            throw new ClException("clSetKernelArg", status, "kernel '" + name + "', argument " + index);
        }
    }

    @Override
    public void close() {
        ClException.check(clReleaseKernel(handle), "clReleaseKernel");
    }
}
