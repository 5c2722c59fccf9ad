package netc.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import netc.runtime.model.MemoryBreakdown;
import netc.runtime.model.MemoryEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc summary}: the shape table the processor worked out at compile time. No device needed. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Prints a network's layers with their output shapes, parameters and multiply-adds, and the"
                + " memory planned for them.",
                "With --batch-size, also the device memory a training step takes at that batch size, by what it"
                        + " holds."})
final class SummaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Option(names = "--batch-size", paramLabel = "N", split = ",",
            description = "Batch sizes to size the device memory for (e.g. 64,128); may be repeated.")
    List<Integer> batchSizes = List.of();

    @Override
    public Integer call() {
        for (int batch : batchSizes) {
            if (batch < 1) {
                throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1, got " + batch + ".");
            }
        }
        CompiledNetwork compiled = classPath.resolve(network);
        PrintWriter out = spec.commandLine().getOut();
        out.println(compiled.info().summary());
        if (!batchSizes.isEmpty()) {
            out.println("Device memory of the model (forward, backward and plain SGD; an optimizer with state adds to it):");
        }
        for (int batch : batchSizes) {
            out.println("  " + MemoryBreakdown.of(compiled.info(), batch).describe());
        }
        if (!batchSizes.isEmpty()) {
            // A model that never runs backward never allocates its gradients (Parameter).
            out.println("To predict (forward only, no gradients): " + batchSizes.stream()
                    .map(batch -> String.format(Locale.ROOT, "batch %d: %.1f MB", batch,
                            MemoryEstimate.model(compiled.info(), batch).bytes() / 1e6))
                    .collect(Collectors.joining(", ")));
        }
        out.flush();
        return 0;
    }
}
