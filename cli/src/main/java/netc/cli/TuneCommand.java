package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import netc.bench.GemmBenchmark;
import netc.runtime.cl.Device;
import netc.runtime.ops.GemmShape;
import netc.runtime.ops.GemmTuning;
import netc.runtime.ops.GemmTuningFile;
import netc.runtime.ops.GemmTuningTimer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netc tune}: times the register-blocked GEMM's candidate blocks on this device at AlexNet's
 * products and stores the fastest where every later run on the device reads it ({@link GemmTuningFile}).
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Times a few register-block sizes of the CPU GEMM kernel on AlexNet's products and stores"
                + " the fastest for this device in ~/.cache/netc/tuning/ (later runs build the GEMM with it).")
final class TuneCommand implements Callable<Integer> {
    /** Another block replaces the built-in choice only if at least this much faster: less is noise. */
    static final double MARGIN = 1.1;

    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Timed runs per product; each counts its fastest (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
            description = "Passes over all candidates; each counts its fastest pass (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to store the result (default: ~/.cache/netc/tuning/<device>.properties).")
    Path output;

    @Option(names = "--dry-run", description = "Time and print, but store nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (repeats < 1 || rounds < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats and --rounds must be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Device opened = Device.open(device)) {
            List<GemmShape> shapes = tunedShapes();
            out.println("tuning the register-blocked GEMM on " + opened + " over " + shapes.size()
                    + " AlexNet products (NN and TN; NT runs the dot kernel, whose block is not tuned)");
            List<GemmTuning> candidates = GemmTuning.candidates(opened.info());
            double[] seconds = new double[candidates.size()];
            Arrays.fill(seconds, Double.POSITIVE_INFINITY);
            // Rounds over all candidates, each keeping its fastest: on a shared machine a burst of other
            // work then slows one round of a candidate, not the candidate.
            for (int round = 1; round <= rounds; round++) {
                out.println("round " + round + " of " + rounds + ":");
                for (int i = 0; i < candidates.size(); i++) {
                    double time = GemmTuningTimer.seconds(opened, candidates.get(i), shapes, repeats);
                    seconds[i] = Math.min(seconds[i], time);
                    out.printf("  %-32s %8.2f ms%n", candidates.get(i).describe(), time * 1e3);
                    out.flush();
                }
            }
            int fastest = 0; // the built-in choice, kept unless another is clearly faster
            for (int i = 1; i < candidates.size(); i++) {
                if (seconds[i] < seconds[fastest] && seconds[i] * MARGIN < seconds[0]) {
                    fastest = i;
                }
            }
            GemmTuning best = candidates.get(fastest);
            double bestSeconds = seconds[fastest];
            GemmTuning builtIn = GemmTuning.builtIn(opened.info());
            out.printf("chosen: %s (built-in: %s; another must be %.0f%% faster to replace it)%n", best.describe(),
                    builtIn.describe(), (MARGIN - 1) * 100);
            Path file = output != null ? output : GemmTuningFile.of(opened.info());
            if (dryRun) {
                out.println("not stored (--dry-run); without --dry-run it would go to " + file);
            } else {
                GemmTuningFile.write(file, best, "netc tune on " + opened.info().name() + ": "
                        + String.format("%.2f ms over %d AlexNet products", bestSeconds * 1e3, shapes.size()));
                out.println("stored in " + file + "; delete it to return to the built-in choice.");
            }
        }
        out.flush();
        return 0;
    }

    /** AlexNet's NN and TN products at batch 64, per image for convolutions (GemmBenchmark's cases). */
    private static List<GemmShape> tunedShapes() {
        return GemmBenchmark.alexNetCases().stream().map(GemmBenchmark.Case::shape)
                .filter(shape -> !(shape.transB() && !shape.transA()))
                .toList();
    }
}
