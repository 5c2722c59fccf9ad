package netc.runtime.model;

import java.util.Locale;
import java.util.function.IntFunction;
import netc.runtime.cl.Device;
import netc.runtime.cl.DeviceInfo;

/**
 * Refuses a batch size whose buffers the device cannot hold, before any is allocated: past the
 * device's memory an OpenCL driver may abort the whole process (PoCL does) instead of returning an
 * error. Both limits count: all buffers together against {@code CL_DEVICE_GLOBAL_MEM_SIZE}, and the
 * largest one against {@code CL_DEVICE_MAX_MEM_ALLOC_SIZE}.
 */
public final class DeviceMemoryCheck {
    private DeviceMemoryCheck() {}

    /**
     * Throws {@link DeviceMemoryException}, naming the largest batch that fits, when {@code network} at
     * {@code batch} needs more than {@code device} has; {@code need} gives the estimate at any batch.
     */
    public static void require(DeviceInfo device, String network, int batch, IntFunction<DeviceMemory> need) {
        DeviceMemory needed = need.apply(batch);
        if (fits(needed, device)) {
            return;
        }
        int largest = largestFittingBatch(batch, need, device);
        String advice = largest >= 1
                ? "the largest batch that fits is " + largest + ": pass --batch-size " + largest + " or less."
                : "even batch 1 does not fit: choose a device with more memory (netc devices lists them).";
        throw new DeviceMemoryException(String.format(Locale.ROOT,
                "%s at batch %d needs about %s of device memory (largest buffer %s) but %s has %s (max %s per"
                        + " buffer); %s", network, batch, bytes(needed.bytes()), bytes(needed.largestBufferBytes()),
                device.name(), bytes(device.globalMemoryBytes()), bytes(device.maxMemAllocBytes()), advice));
    }

    /** As {@link #require(DeviceInfo, String, int, IntFunction)}, then builds the model. */
    public static CompiledModel build(ModelFactory factory, NetworkInfo info, Device device, int batch,
                                      IntFunction<DeviceMemory> need) {
        require(device.info(), info.name(), batch, need);
        return factory.create(device, batch);
    }

    static boolean fits(DeviceMemory needed, DeviceInfo device) {
        return needed.bytes() <= device.globalMemoryBytes() && needed.largestBufferBytes() <= device.maxMemAllocBytes();
    }

    /**
     * The largest batch below {@code tooLarge} that fits, rounded down to a round number (a multiple of
     * the largest power of two up to an eighth of it, so at most 12.5% smaller); 0 when none does. Memory
     * grows with the batch, so a binary search finds the edge; the result is checked, not assumed.
     */
    static int largestFittingBatch(int tooLarge, IntFunction<DeviceMemory> need, DeviceInfo device) {
        int low = 0; // fits (0: nothing known to fit)
        int high = tooLarge; // does not fit
        while (high - low > 1) {
            int middle = low + (high - low) / 2;
            if (fits(need.apply(middle), device)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        if (low == 0 || !fits(need.apply(low), device)) {
            return 0;
        }
        int step = Integer.highestOneBit(Math.max(1, low / 8));
        int round = low - low % step;
        return fits(need.apply(round), device) ? round : low;
    }

    /** Decimal units, as device specifications give them: {@code 57.3 GB}. */
    static String bytes(long bytes) {
        if (bytes >= 1_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f TB", bytes / 1e12);
        }
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }
}
