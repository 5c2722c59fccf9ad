package netc.runtime.cl;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Entry to the OpenCL library: loads it once and lists what it offers, turning absence into one clear sentence. */
public final class OpenCl {
    private static volatile boolean loaded;

    private OpenCl() {}

    /**
     * Every device of every platform, in platform order then device order. Synchronised: PoCL's first
     * queries from several threads at once crash the process (a SIGSEGV in clGetDeviceInfo killed a
     * fresh Spark executor whose two tasks opened devices together; {@code ConcurrentOpenTest}).
     */
    public static synchronized List<DeviceInfo> devices() {
        ensureLoaded();
        List<DeviceInfo> result = new ArrayList<>();
        cl_platform_id[] platforms = platforms();
        for (int p = 0; p < platforms.length; p++) {
            int[] count = new int[1];
            int status = CL.clGetDeviceIDs(platforms[p], CL.CL_DEVICE_TYPE_ALL, 0, null, count);
            if (status == CL.CL_DEVICE_NOT_FOUND || count[0] == 0) {
                continue;
            }
            ClException.check(status, "clGetDeviceIDs");
            cl_device_id[] ids = new cl_device_id[count[0]];
            ClException.check(CL.clGetDeviceIDs(platforms[p], CL.CL_DEVICE_TYPE_ALL, ids.length, ids, null), "clGetDeviceIDs");
            String platformName = platformString(platforms[p], CL.CL_PLATFORM_NAME);
            for (int d = 0; d < ids.length; d++) {
                result.add(DeviceInfo.query(p, d, platformName, ids[d]));
            }
        }
        if (result.isEmpty()) {
            throw new OpenClUnavailableException("OpenCL platforms were found but none has a device.", null);
        }
        return result;
    }

    private static cl_platform_id[] platforms() {
        int[] count = new int[1];
        int status = CL.clGetPlatformIDs(0, null, count);
        if (status == CL.CL_PLATFORM_NOT_FOUND_KHR || (status == CL.CL_SUCCESS && count[0] == 0)) {
            throw new OpenClUnavailableException("No OpenCL platform is installed (no ICD found).", null);
        }
        ClException.check(status, "clGetPlatformIDs");
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        ClException.check(CL.clGetPlatformIDs(platforms.length, platforms, null), "clGetPlatformIDs");
        return platforms;
    }

    static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (OpenCl.class) {
            if (loaded) {
                return;
            }
            try {
                // Statuses are checked by ClException.check, which names the call; JOCL's own exceptions stay off.
                CL.setExceptionsEnabled(false);
                int[] count = new int[1];
                CL.clGetPlatformIDs(0, null, count);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new OpenClUnavailableException(
                        "The OpenCL library (libOpenCL.so) could not be loaded: " + e.getMessage() + ".", e);
            }
            loaded = true;
        }
    }

    static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        ClException.check(CL.clGetPlatformInfo(platform, param, 0, null, size), "clGetPlatformInfo");
        byte[] buffer = new byte[(int) size[0]];
        ClException.check(CL.clGetPlatformInfo(platform, param, buffer.length, Pointer.to(buffer), null), "clGetPlatformInfo");
        return cString(buffer);
    }

    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        ClException.check(CL.clGetDeviceInfo(device, param, 0, null, size), "clGetDeviceInfo");
        byte[] buffer = new byte[(int) size[0]];
        ClException.check(CL.clGetDeviceInfo(device, param, buffer.length, Pointer.to(buffer), null), "clGetDeviceInfo");
        return cString(buffer);
    }

    static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        ClException.check(CL.clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null), "clGetDeviceInfo");
        return value[0];
    }

    static long deviceSize(cl_device_id device, int param) {
        // size_t-valued queries: JOCL reads them into a long of the platform's size_t width.
        long[] value = new long[1];
        ClException.check(CL.clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(value), null), "clGetDeviceInfo");
        return value[0];
    }

    static int deviceInt(cl_device_id device, int param) {
        int[] value = new int[1];
        ClException.check(CL.clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(value), null), "clGetDeviceInfo");
        return value[0];
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).trim();
    }
}
