package netc.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import netc.bench.BenchmarkPrinter;
import netc.bench.BenchmarkReport;
import netc.bench.ModelBenchmark;
import netc.runtime.cl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc bench}: images per second and per-layer times of a network on random data, then GEMM speeds. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Times training steps, forward passes and each layer of a network on random data,"
                + " then runs the GEMM benchmark if this build has one.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<network>", defaultValue = "AlexNet",
            description = "The network to time (default: ${DEFAULT-VALUE}).")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Untimed steps first (default: ${DEFAULT-VALUE}).")
    int warmupSteps;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "5", description = "Timed steps (default: ${DEFAULT-VALUE}).")
    int timedSteps;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Option(names = "--no-gemm", description = "Skip the GEMM benchmark.")
    boolean noGemm;

    @Override
    public Integer call() {
        if (batchSize < 1 || warmupSteps < 0 || timedSteps < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--batch-size and --steps must be at least 1, --warmup at least 0.");
        }
        CompiledNetwork compiled = classPath.resolve(network);
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkReport report;
        try (Device opened = Device.open(device)) {
            report = ModelBenchmark.run(opened, compiled.factory(), compiled.info(), batchSize,
                    new ModelBenchmark.Settings(warmupSteps, timedSteps));
        }
        out.print(BenchmarkPrinter.format(report));
        if (!noGemm) {
            GemmBenchmarkHook.runIfPresent(out);
        }
        out.flush();
        return 0;
    }
}
