package netc.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.ops.Gemm;
import netc.runtime.ops.GemmShape;
import netc.runtime.ops.GemmVariant;

/** Times {@link Gemm} on the products AlexNet at batch 64 runs (forward and both backward passes). */
public final class GemmBenchmark {
    /** One product to time, named after the layer and pass it comes from. */
    public record Case(String name, GemmShape shape) {}

    /**
     * The measured speed of one case over {@code repeats} timed runs: their mean and the fastest, which
     * is the better figure on a machine shared with other work (interference only ever slows a run).
     */
    public record Result(Case benchmark, int repeats, double meanSeconds, double bestSeconds) {
        public double gflops() {
            return benchmark.shape().flops() / bestSeconds / 1e9;
        }
    }

    /** Stop repeating a case once its timed runs add up to this long; long enough to average out noise. */
    private static final double MIN_TIMED_SECONDS = 0.5;

    /** ...and at least this many runs, so that the fastest is a real minimum. */
    private static final int MIN_REPEATS = 5;

    private GemmBenchmark() {}

    /**
     * Per-image convolution GEMMs (weights {@code Cout × Cin·kh·kw} times columns {@code Cin·kh·kw × H·W})
     * and batch-64 dense GEMMs (input {@code 64 × in} times weight {@code out × in} transposed), each with
     * its data-gradient and weight-gradient products; plus one batched convolution (16 images' columns).
     */
    public static List<Case> alexNetCases() {
        List<Case> cases = new ArrayList<>();
        convolution(cases, "conv1", 96, 2916, 121);
        convolution(cases, "conv2", 256, 676, 2400);
        convolution(cases, "conv3", 384, 144, 2304);
        convolution(cases, "conv4", 384, 144, 3456);
        convolution(cases, "conv5", 256, 144, 3456);
        cases.add(new Case("conv2 16 images fwd", new GemmShape(false, false, 256, 16 * 676, 2400, false)));
        dense(cases, "dense1", 64, 6400, 4096);
        dense(cases, "dense2", 64, 4096, 4096);
        dense(cases, "dense3", 64, 4096, 10);
        return cases;
    }

    private static void convolution(List<Case> cases, String name, int out, int pixels, int patch) {
        cases.add(new Case(name + " fwd", new GemmShape(false, false, out, pixels, patch, false)));
        cases.add(new Case(name + " dcols", new GemmShape(true, false, patch, pixels, out, false)));
        cases.add(new Case(name + " dW", new GemmShape(false, true, out, patch, pixels, true)));
    }

    private static void dense(List<Case> cases, String name, int batch, int in, int out) {
        cases.add(new Case(name + " fwd", new GemmShape(false, true, batch, out, in, false)));
        cases.add(new Case(name + " dX", new GemmShape(false, false, batch, in, out, false)));
        cases.add(new Case(name + " dW", new GemmShape(true, false, out, in, batch, false)));
    }

    /** Times every case (after one untimed warm-up run that also builds the kernel). */
    public static List<Result> run(Device device, List<Case> cases) {
        List<Result> results = new ArrayList<>();
        for (Case benchmark : cases) {
            results.add(time(device, benchmark));
        }
        return results;
    }

    private static Result time(Device device, Case benchmark) {
        GemmShape shape = benchmark.shape();
        try (Buffer c = Buffer.allocate(device, (long) shape.m() * shape.n());
                Buffer a = Buffer.allocate(device, (long) shape.m() * shape.k());
                Buffer b = Buffer.allocate(device, (long) shape.k() * shape.n());
                Gemm gemm = new Gemm(device, shape)) {
            gemm.run(c, 0, a, 0, b, 0);
            device.finish();
            int repeats = 0;
            double elapsed = 0;
            double best = Double.MAX_VALUE;
            while (elapsed < MIN_TIMED_SECONDS || repeats < MIN_REPEATS) {
                long start = System.nanoTime();
                gemm.run(c, 0, a, 0, b, 0);
                device.finish();
                double seconds = (System.nanoTime() - start) / 1e9;
                best = Math.min(best, seconds);
                elapsed += seconds;
                repeats++;
            }
            return new Result(benchmark, repeats, elapsed / repeats, best);
        }
    }

    /** One line per result: name, shape, mean and best milliseconds per product, GFLOP/s of the best. */
    public static void print(List<Result> results, PrintStream out) {
        out.printf("%-22s %-30s %9s %9s %9s%n", "product", "shape (op M x N x K)", "mean ms", "best ms",
                "GFLOP/s");
        for (Result result : results) {
            GemmShape s = result.benchmark().shape();
            String shape = String.format("%s%s %d x %d x %d%s", s.transA() ? "T" : "N", s.transB() ? "T" : "N",
                    s.m(), s.n(), s.k(), s.accumulate() ? " +=" : "");
            out.printf("%-22s %-30s %9.2f %9.2f %9.1f%n", result.benchmark().name(), shape,
                    result.meanSeconds() * 1e3, result.bestSeconds() * 1e3, result.gflops());
        }
    }

    /** The cases whose name contains one of {@code filters} (all cases when there are none). */
    public static List<Case> matching(List<Case> cases, List<String> filters) {
        return cases.stream()
                .filter(c -> filters.isEmpty() || filters.stream().anyMatch(f -> c.name().contains(f)))
                .toList();
    }

    /**
     * Prints GFLOP/s for the AlexNet cases on the default device (or the one named by NETC_DEVICE), with
     * the GEMM variant of that device (or the one named by netc.gemm / NETC_GEMM);
     * arguments, if any, keep only the cases whose name contains one of them (e.g. {@code dW conv2}).
     */
    public static void main(String[] args) {
        try (Device device = Device.open()) {
            // The variant follows the device type unless netc.gemm / NETC_GEMM names one: say which ran.
            System.out.println("device: " + device + "; GEMM variant: " + GemmVariant.of(device.info()).option());
            print(run(device, matching(alexNetCases(), List.of(args))), System.out);
        }
    }
}
