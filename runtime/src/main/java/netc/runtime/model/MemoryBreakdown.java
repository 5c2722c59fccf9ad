package netc.runtime.model;

import java.util.Locale;

/**
 * The device memory a compiled model takes at one batch size, by what it holds: the parameters and their
 * gradients, the input, the planned block of outputs and gradients, the ops' shared scratch, and what the
 * ops keep of their own (a max pool's arg-max, BatchNorm's statistics, ...): what a model takes once it has
 * run a training step. Worked out from the shape table and the memory plan, before anything is allocated
 * ({@link MemoryEstimate#trainingStep}).
 */
public record MemoryBreakdown(int batch, long parameterBytes, long inputBytes, long plannedBytes, long scratchBytes,
                              long totalBytes) {

    public static MemoryBreakdown of(NetworkInfo info, int batch) {
        DeviceMemory model = MemoryEstimate.trainingStep(info, batch);
        return new MemoryBreakdown(batch, 4L * info.parameterCount(), 4L * batch * info.inputSize(),
                4L * batch * info.memory().floatsPerExample(), model.scratchBytes(), model.bytes());
    }

    /** What the ops keep of their own besides the parameters and their gradients. */
    public long opStateBytes() {
        return totalBytes - 2 * parameterBytes - inputBytes - plannedBytes - scratchBytes;
    }

    /** {@code batch 64: 591.0 MB = parameters 187.1 + their gradients 187.1 + input 12.8 + ...}. */
    public String describe() {
        return String.format(Locale.ROOT, "batch %d: %.1f MB = parameters %.1f + their gradients %.1f + input %.1f"
                        + " + outputs and gradients %.1f + op scratch %.1f + the ops' own %.1f", batch, mb(totalBytes),
                mb(parameterBytes), mb(parameterBytes), mb(inputBytes), mb(plannedBytes), mb(scratchBytes),
                mb(opStateBytes()));
    }

    private static double mb(long bytes) {
        return bytes / 1e6;
    }
}
