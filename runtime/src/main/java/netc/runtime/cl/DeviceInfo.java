package netc.runtime.cl;

import org.jocl.CL;
import org.jocl.cl_device_id;

/**
 * What one OpenCL device is, as listed by {@code netc devices}; {@code id()} is how a user selects it.
 * {@code globalMemoryBytes} bounds all buffers together and {@code maxMemAllocBytes} each one alone
 * ({@code CL_DEVICE_GLOBAL_MEM_SIZE}, {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}).
 *
 * @param localMemoryBytes {@code CL_DEVICE_LOCAL_MEM_SIZE}: the local memory one work-group may use, which
 *     bounds the tiles of the GPU-shaped GEMM ({@code gemm_tiled.cl})
 * @param preferredFloatVectorWidth {@code CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT}: on a CPU driver its
 *     SIMD width in floats (PoCL reports 16 on an AVX-512 CPU), which sizes the GEMM's register blocks
 */
public record DeviceInfo(
        int platformIndex,
        int deviceIndex,
        String platformName,
        String name,
        boolean gpu,
        int computeUnits,
        long globalMemoryBytes,
        long maxMemAllocBytes,
        long maxWorkGroupSize,
        long localMemoryBytes,
        int preferredFloatVectorWidth,
        cl_device_id device) {

    static DeviceInfo query(int p, int d, String platformName, cl_device_id device) {
        long type = OpenCl.deviceLong(device, CL.CL_DEVICE_TYPE);
        return new DeviceInfo(
                p,
                d,
                platformName,
                OpenCl.deviceString(device, CL.CL_DEVICE_NAME),
                (type & CL.CL_DEVICE_TYPE_GPU) != 0,
                OpenCl.deviceInt(device, CL.CL_DEVICE_MAX_COMPUTE_UNITS),
                OpenCl.deviceLong(device, CL.CL_DEVICE_GLOBAL_MEM_SIZE),
                OpenCl.deviceLong(device, CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                OpenCl.deviceSize(device, CL.CL_DEVICE_MAX_WORK_GROUP_SIZE),
                OpenCl.deviceLong(device, CL.CL_DEVICE_LOCAL_MEM_SIZE),
                OpenCl.deviceInt(device, CL.CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT),
                device);
    }

    /** {@code platform:device}, e.g. {@code 0:0}. */
    public String id() {
        return platformIndex + ":" + deviceIndex;
    }

    @Override
    public String toString() {
        return String.format("%s  %s (%s) — %s, %d compute units, %d MiB", id(), name, platformName,
                gpu ? "GPU" : "CPU/other", computeUnits, globalMemoryBytes >> 20);
    }
}
