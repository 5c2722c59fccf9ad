package netc.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;

/**
 * A command-line timing harness (not a test) for the channel products of one chunk of AlexNet's conv2 under
 * F(4x4, 5x5) (64 products of 256 x 96 filters by 392 tiles: 8 images): each candidate GEMM arrangement's
 * least milliseconds for all 64 products, the candidates timed in turn within each trial so that the shared
 * machine's load falls on all alike. Zeros are multiplied: only time is measured.
 */
final class WinogradGemmTiming {
    private static final int TRIALS = 15;
    private static final int XI = 64;
    private static final int CO = 256;
    private static final int C = 96;
    private static final int T = 392;

    private WinogradGemmTiming() {}

    private record Candidate(String name, Runnable run) {}

    public static void main(String[] args) {
        long plane = WinogradTiling.planeFloats((long) CO * T);
        try (Device device = Device.open();
             Buffer a = Buffer.allocate(device, XI * plane);
             Buffer b = Buffer.allocate(device, XI * plane);
             Buffer c = Buffer.allocate(device, XI * plane)) {
            List<AutoCloseable> gemms = new ArrayList<>();
            List<Candidate> candidates = new ArrayList<>();
            // dU = dM Vᵀ per ξ (NT, packed), against dU = Vᵀ dM batched (TN).
            Gemm perXiNt = gemm(gemms, new Gemm(device, new GemmShape(false, true, CO, C, T, false)));
            candidates.add(new Candidate("dU per ξ, NT [256x392][96x392]ᵀ", () -> {
                for (int xi = 0; xi < XI; xi++) {
                    perXiNt.run(c, xi * plane, a, xi * plane, b, xi * plane);
                }
            }));
            Gemm batchedTn = gemm(gemms, new Gemm(device, new GemmShape(true, false, C, CO, T, false),
                    new GemmBatch(XI, plane, plane, plane)));
            candidates.add(new Candidate("dU batched, TN [392x96]ᵀ[392x256]", () -> batchedTn.run(c, 0, a, 0, b, 0)));
            // dV = Uᵀ dM per ξ (TN), against dV = dM U batched (NN).
            Gemm perXiTn = gemm(gemms, new Gemm(device, new GemmShape(true, false, C, T, CO, false)));
            candidates.add(new Candidate("dV per ξ, TN [256x96]ᵀ[256x392]", () -> {
                for (int xi = 0; xi < XI; xi++) {
                    perXiTn.run(c, xi * plane, a, xi * plane, b, xi * plane);
                }
            }));
            Gemm batchedTnDv = gemm(gemms, new Gemm(device, new GemmShape(true, false, C, T, CO, false),
                    new GemmBatch(XI, plane, plane, plane)));
            candidates.add(new Candidate("dV batched, TN [256x96]ᵀ[256x392]", () -> batchedTnDv.run(c, 0, a, 0, b, 0)));
            Gemm batchedNn = gemm(gemms, new Gemm(device, new GemmShape(false, false, T, C, CO, false),
                    new GemmBatch(XI, plane, plane, plane)));
            candidates.add(new Candidate("dV batched, NN [392x256][256x96]", () -> batchedNn.run(c, 0, a, 0, b, 0)));
            // M = U V batched (NN, channel-major) against M = V U batched (NN, tile-major).
            Gemm forwardOld = gemm(gemms, new Gemm(device, new GemmShape(false, false, CO, T, C, false),
                    new GemmBatch(XI, plane, plane, plane)));
            candidates.add(new Candidate("M batched, NN [256x96][96x392]", () -> forwardOld.run(c, 0, a, 0, b, 0)));
            Gemm forwardNew = gemm(gemms, new Gemm(device, new GemmShape(false, false, T, CO, C, false),
                    new GemmBatch(XI, plane, plane, plane)));
            candidates.add(new Candidate("M batched, NN [392x96][96x256]", () -> forwardNew.run(c, 0, a, 0, b, 0)));

            // A large product for scale: what the GEMM reaches where blocks are plenty and K long.
            Gemm large = gemm(gemms, new Gemm(device, new GemmShape(false, false, 1024, 1536, 1024, false)));
            candidates.add(new Candidate("reference: one NN 1024x1536x1024 (x1)", () -> large.run(c, 0, a, 0, b, 0)));

            double[] least = AlternatingTrials.run(device,
                    candidates.stream().map(Candidate::run).toList(), TRIALS).millis();
            for (int i = 0; i < candidates.size(); i++) {
                // The reference multiplies 1024 x 1536 x 1024, the others 64 products of 256 x 96 x 392.
                double flops = i == candidates.size() - 1 ? 2.0 * 1024 * 1536 * 1024 : 2.0 * XI * CO * C * T;
                System.out.printf("%-40s %6.2f ms %5.0f GFLOP/s%n", candidates.get(i).name(), least[i],
                        flops / least[i] / 1e6);
            }
            for (AutoCloseable gemm : gemms) {
                try {
                    gemm.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Gemm gemm(List<AutoCloseable> all, Gemm gemm) {
        all.add(gemm);
        return gemm;
    }
}
