package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * {@link GemmVariant#LOCAL_TILED}: {@code gemm_tiled.cl}, one work-group per tile of C. It reads A and B
 * in place (all four transposes, any offsets) and needs no scratch. Accumulation ({@code C +=}) is a
 * define like in {@code gemm.cl}; there is no other epilogue to carry over.
 */
final class TiledGemm implements GemmLaunch {
    private final GpuGemmTuning tuning;
    private final Kernel kernel;
    private final long[] global;

    TiledGemm(Device device, GemmShape shape) {
        this(device, shape, GpuGemmTuning.of(device.info()));
    }

    /**
     * With {@code tuning}, or the next smaller one while the built kernel allows fewer work-items per
     * group than the tile has (a kernel using many registers may, on a GPU).
     */
    TiledGemm(Device device, GemmShape shape, GpuGemmTuning tuning) {
        Kernel built = device.kernel("gemm_tiled.cl", "gemm_tiled", tuning.defines(shape));
        while (built.maxWorkGroupSize() < tuning.workItems()) {
            GpuGemmTuning smaller = tuning.smaller();
            if (smaller == null) {
                throw new IllegalStateException("gemm_tiled builds for at most " + built.maxWorkGroupSize()
                        + " work-items per group on " + device.info().name() + ", fewer than its smallest tile"
                        + " needs; use the register-blocked GEMM (" + GemmVariant.PROPERTY + "="
                        + GemmVariant.REGISTER_BLOCKED.option() + ").");
            }
            tuning = smaller;
            built = device.kernel("gemm_tiled.cl", "gemm_tiled", tuning.defines(shape));
        }
        this.tuning = tuning;
        this.kernel = built;
        this.global = tuning.global(shape);
    }

    @Override
    public void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset) {
        kernel.launch(global, tuning.local(), c, cOffset, a, aOffset, b, bOffset);
    }

    @Override
    public void close() {
        // Nothing of its own: the kernel belongs to the device's cache.
    }
}
