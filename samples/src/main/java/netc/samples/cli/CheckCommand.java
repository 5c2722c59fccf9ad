package netc.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import netc.runtime.cl.Device;
import netc.runtime.verify.ReferenceComparison;
import netc.runtime.verify.ReferenceReport;
import netc.runtime.verify.TensorComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc check}: replays a training step recorded by PyTorch (or any reference) and compares every result. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Replays one SGD step recorded by PyTorch and compares every result with netc's.",
        footer = {"", "The reference is a safetensors file as in fixtures/README.md: the parameters (nn.Sequential"
                + " or the network's names), 'input' F32 (N, C, H, W), 'labels' I64 (N), and any of 'logits', 'loss',"
                + " '<param>.grad', '<param>.after_sgd' and the metadata 'lr' and 'loss_after_sgd'. Dropout is the"
                + " identity. Exit 0 when every recorded tensor is within tolerance, 1 otherwise."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Option(names = "--reference", required = true, paramLabel = "FILE",
            description = "A .safetensors file recorded by PyTorch, parameters in nn.Sequential or the network's names.")
    Path reference;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Override
    public Integer call() {
        InputFiles.require(spec, reference, "reference file");
        CompiledNetwork compiled = NetworkResolver.resolve(network);
        ReferenceReport report;
        String deviceName;
        try (Device opened = Device.open(device)) {
            deviceName = opened.toString();
            report = ReferenceComparison.check(opened, compiled.factory(), reference);
        }
        if (report.comparisons().isEmpty()) {
            throw new IllegalArgumentException("Reference " + reference + " records no result to compare with; add"
                    + " any of logits, loss, <param>.grad, <param>.after_sgd or the metadata loss_after_sgd.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s against %s (batch %d, on %s):%n", report.network(), reference, report.batchSize(), deviceName);
        report.comparisons().forEach(out::println);
        if (!report.notRecorded().isEmpty()) {
            out.println("not in the reference, so not checked: " + String.join(", ", report.notRecorded()));
        }
        out.println(verdict(report));
        out.flush();
        return report.passed() ? 0 : UserErrors.EXIT_FAILURE;
    }

    private static String verdict(ReferenceReport report) {
        int total = report.comparisons().size();
        List<TensorComparison> failures = report.failures();
        if (failures.isEmpty()) {
            return "PASS: " + report.network() + " matches the reference in all " + total + " tensors.";
        }
        return "FAIL: " + report.network() + " differs from the reference in " + failures.size() + " of " + total
                + " tensors: " + String.join(", ", failures.stream().map(TensorComparison::name).toList()) + ".";
    }
}
