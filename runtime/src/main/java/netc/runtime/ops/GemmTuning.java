package netc.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.DeviceInfo;

/**
 * The register-block sizes {@code gemm.cl} is built with on one device. A CPU's preferred float
 * vector width tells its SIMD width (16 with AVX-512, which also has 32 vector registers; 8 with AVX2,
 * which has 16); blocks are sized so that accumulators plus operands stay in registers. GPUs get
 * small blocks: there every work-item is one lane, and large private blocks would spill. A device that
 * {@code netc tune} measured uses what it stored ({@link GemmTuningFile}) instead.
 *
 * @param outerRows rows of a gemm_outer block (scalars of the left operand per k)
 * @param outerCols columns of a gemm_outer block: its vector width
 * @param dotRows rows of a gemm_dot block
 * @param dotCols columns of a gemm_dot block
 * @param dotVectorK gemm_dot's vector width along k
 */
public record GemmTuning(int outerRows, int outerCols, int dotRows, int dotCols, int dotVectorK) {
    /** AVX-512 CPUs: 16 accumulators of 16 floats + one row in 32 registers; measured on PoCL (Zen 4)
     *  16 rows ran ~1.2x faster than 8. The 4 x 4 dot block: 16 accumulators + 8 loads. */
    static final GemmTuning SIMD16 = new GemmTuning(16, 16, 4, 4, 16);
    /** AVX2-class CPUs: 8 accumulators of 8 floats + a row fit 16 registers. */
    static final GemmTuning SIMD8 = new GemmTuning(8, 8, 4, 4, 8);
    /** SSE-class CPUs. */
    static final GemmTuning SIMD4 = new GemmTuning(8, 4, 4, 4, 4);
    static final GemmTuning GPU = new GemmTuning(4, 4, 2, 2, 4);

    /** What {@code netc tune} stored for this device, else {@link #builtIn}. */
    static GemmTuning of(Device device) {
        return GemmTuningFile.read(GemmTuningFile.of(device.info()), builtIn(device.info()));
    }

    /** The choice by device type and SIMD width, without measuring. */
    public static GemmTuning builtIn(DeviceInfo device) {
        if (device.gpu()) {
            return GPU;
        }
        int width = device.preferredFloatVectorWidth();
        return width >= 16 ? SIMD16 : width >= 8 ? SIMD8 : SIMD4;
    }

    /**
     * What {@code netc tune} times: the built-in choice first, then its outer block with 4, 8, 12 or 16
     * rows at its vector width and at half of it (the outer kernel does nearly all of a CPU's GEMM work;
     * the dot block stays as built in).
     */
    public static List<GemmTuning> candidates(DeviceInfo device) {
        GemmTuning base = builtIn(device);
        List<GemmTuning> candidates = new ArrayList<>(List.of(base));
        for (int cols : new int[] {base.outerCols, base.outerCols / 2}) {
            for (int rows : new int[] {4, 8, 12, 16}) {
                GemmTuning candidate = new GemmTuning(rows, cols, base.dotRows, base.dotCols, base.dotVectorK);
                if (cols >= 4 && !candidates.contains(candidate)) {
                    candidates.add(candidate);
                }
            }
        }
        return candidates;
    }

    /**
     * Every tuning a device may run with, built in or chosen by {@code netc tune} on any SIMD width: what
     * sizes packing scratch before the device is known ({@link Gemm#deviceMemory}).
     */
    static List<GemmTuning> any() {
        List<GemmTuning> all = new ArrayList<>(List.of(GPU));
        for (GemmTuning base : List.of(SIMD16, SIMD8, SIMD4)) {
            all.add(base);
            for (int cols : new int[] {base.outerCols, base.outerCols / 2}) {
                for (int rows : new int[] {4, 8, 12, 16}) {
                    if (cols >= 4) {
                        all.add(new GemmTuning(rows, cols, base.dotRows, base.dotCols, base.dotVectorK));
                    }
                }
            }
        }
        return all.stream().distinct().toList();
    }

    /** e.g. {@code outer 16x16, dot 4x4 (k x16)}. */
    public String describe() {
        return "outer " + outerRows + "x" + outerCols + ", dot " + dotRows + "x" + dotCols + " (k x" + dotVectorK + ")";
    }
}
