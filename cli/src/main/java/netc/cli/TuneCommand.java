package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
    @Spec
    CommandSpec spec;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Timed runs per product; each counts its fastest (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Where to store the result (default: ~/.cache/netc/tuning/<device>.properties).")
    Path output;

    @Option(names = "--dry-run", description = "Time and print, but store nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new ParameterException(spec.commandLine(), "--repeats must be at least 1.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Device opened = Device.open(device)) {
            List<GemmShape> shapes = tunedShapes();
            out.println("tuning the register-blocked GEMM on " + opened + " over " + shapes.size()
                    + " AlexNet products (NN and TN; NT runs the dot kernel, whose block is not tuned)");
            GemmTuning best = null;
            double bestSeconds = Double.POSITIVE_INFINITY;
            for (GemmTuning candidate : GemmTuning.candidates(opened.info())) {
                double seconds = GemmTuningTimer.seconds(opened, candidate, shapes, repeats);
                out.printf("  %-32s %8.2f ms%n", candidate.describe(), seconds * 1e3);
                out.flush();
                if (seconds < bestSeconds) {
                    best = candidate;
                    bestSeconds = seconds;
                }
            }
            GemmTuning builtIn = GemmTuning.builtIn(opened.info());
            out.printf("fastest: %s (built-in: %s)%n", best.describe(), builtIn.describe());
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
