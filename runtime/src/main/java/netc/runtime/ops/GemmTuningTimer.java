package netc.runtime.ops;

import java.util.List;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;

/**
 * Times one {@link GemmTuning} of the register-blocked GEMM on a set of shapes, for {@code netc tune}:
 * the sum over the shapes of the fastest of {@code repeats} runs (the fastest, because on a shared
 * machine interference only ever slows a run).
 */
public final class GemmTuningTimer {
    private GemmTuningTimer() {}

    /** Seconds for one run of every shape, each its best of {@code repeats} after an untimed one that builds it. */
    public static double seconds(Device device, GemmTuning tuning, List<GemmShape> shapes, int repeats) {
        double total = 0;
        for (GemmShape shape : shapes) {
            total += bestSeconds(device, tuning, shape, repeats);
        }
        return total;
    }

    private static double bestSeconds(Device device, GemmTuning tuning, GemmShape shape, int repeats) {
        try (Buffer c = Buffer.allocate(device, (long) shape.m() * shape.n());
                Buffer a = Buffer.allocate(device, (long) shape.m() * shape.k());
                Buffer b = Buffer.allocate(device, (long) shape.k() * shape.n());
                Gemm gemm = new Gemm(device, shape, GemmPlan.of(shape, tuning))) {
            gemm.run(c, 0, a, 0, b, 0);
            device.finish();
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                gemm.run(c, 0, a, 0, b, 0);
                device.finish();
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            return best;
        }
    }
}
