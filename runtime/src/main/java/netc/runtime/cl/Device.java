package netc.runtime.cl;

import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;

import java.util.concurrent.atomic.AtomicLong;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;

/**
 * One OpenCL device with its context, its single in-order queue and its cache of built programs.
 *
 * <p>Everything a model does is enqueued on this one queue, in order, so no host synchronisation is
 * needed between ops; {@link #finish()} is for the few places that must wait (reading a result,
 * timing).
 */
public final class Device implements AutoCloseable {
    private final DeviceInfo info;
    private final cl_context context;
    private final cl_command_queue queue;
    private final ProgramCache programs;
    /** Bytes in this device's buffers not yet closed, and the largest buffer so far: what a memory estimate is checked against. */
    private final AtomicLong allocatedBytes = new AtomicLong();
    private final AtomicLong largestAllocationBytes = new AtomicLong();
    /** Kernels enqueued so far: what a benchmark divides by its steps to count launches per step. */
    private final AtomicLong launches = new AtomicLong();
    private boolean closed;

    private Device(DeviceInfo info) {
        this.info = info;
        int[] status = new int[1];
        this.context = clCreateContext(null, 1, new cl_device_id[] {info.device()}, null, null, status);
        ClException.check(status[0], "clCreateContext");
        // The OpenCL 1.2 call, so that 1.2-only drivers work too; in-order, no profiling.
        @SuppressWarnings("deprecation")
        cl_command_queue created = clCreateCommandQueue(context, info.device(), 0, status);
        if (status[0] != 0) {
            clReleaseContext(context);
            ClException.check(status[0], "clCreateCommandQueue");
        }
        this.queue = created;
        this.programs = new ProgramCache(this);
    }

    /**
     * Opens the device chosen by {@code selector} (see {@link DeviceSelector}); null means the one
     * {@code NETC_DEVICE} names, else the default.
     */
    public static Device open(String selector) {
        // One device opens at a time in a JVM, as devices are listed: the driver's context creation is not
        // known to be thread-safe on every platform, and opening is rare next to running kernels.
        synchronized (OpenCl.class) {
            DeviceInfo chosen = DeviceSelector.select(OpenCl.devices(), DeviceSelector.effective(selector));
            return new Device(chosen);
        }
    }

    /** Opens the default device, or the one named by {@code NETC_DEVICE}. */
    public static Device open() {
        return open(null);
    }

    public DeviceInfo info() {
        return info;
    }

    cl_context context() {
        return context;
    }

    cl_command_queue queue() {
        return queue;
    }

    cl_device_id id() {
        return info.device();
    }

    /**
     * The alignment, in 4-byte elements, of a {@link Buffer#view}'s start: the device's base address
     * alignment ({@code CL_DEVICE_MEM_BASE_ADDR_ALIGN}, in bits), at least one element.
     */
    public long viewAlignmentElements() {
        long bits = OpenCl.deviceInt(id(), org.jocl.CL.CL_DEVICE_MEM_BASE_ADDR_ALIGN);
        return Math.max(1, bits / 32);
    }

    /** The largest work-group this device runs; kernels size their local ranges under it. */
    public long maxWorkGroupSize() {
        return info.maxWorkGroupSize();
    }

    /** The kernel {@code kernelName} of {@code file}, built with {@code defines} (once per device). */
    public Kernel kernel(String file, String kernelName, Defines defines) {
        return programs.kernel(file, kernelName, defines);
    }

    /** Bytes held by buffers created on this device and not yet closed. */
    public long allocatedBytes() {
        return allocatedBytes.get();
    }

    /** The largest single buffer created on this device so far, in bytes. */
    public long largestAllocationBytes() {
        return largestAllocationBytes.get();
    }

    void recordAllocation(long bytes) {
        allocatedBytes.addAndGet(bytes);
        largestAllocationBytes.accumulateAndGet(bytes, Math::max);
    }

    /** Kernels enqueued on this device's queue since it was opened. */
    public long launches() {
        return launches.get();
    }

    void recordLaunch() {
        launches.incrementAndGet();
    }

    void recordRelease(long bytes) {
        allocatedBytes.addAndGet(-bytes);
    }

    /** Waits until everything enqueued so far has run. */
    public void finish() {
        ClException.check(clFinish(queue), "clFinish");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            programs.close();
        } finally {
            try {
                clReleaseCommandQueue(queue);
            } finally {
                clReleaseContext(context);
            }
        }
    }

    @Override
    public String toString() {
        return info.name() + " (" + info.platformName() + ")";
    }
}
