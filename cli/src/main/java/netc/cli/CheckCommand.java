package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import netc.runtime.cl.Device;
import netc.verify.ReferenceComparison;
import netc.verify.ReferenceReport;
import netc.verify.TensorComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc check}: replays a training step recorded by PyTorch (or any reference) and compares every result. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Replays one SGD step recorded by PyTorch and compares every result with netc's.",
        footer = {"",
                "The reference is a safetensors file as in fixtures/README.md: the parameters (nn.Sequential or the"
                        + " network's names), 'input' F32 (N, C, H, W), 'labels' I64 (N), and 'logits', 'loss',"
                        + " '<param>.grad', '<param>.after_sgd' and the metadata 'lr' and 'loss_after_sgd'. Dropout"
                        + " is the identity.",
                "",
                "Tolerance: every element must satisfy |netc - reference| <= 3e-5*scale + 3e-5*|reference|"
                        + " (numpy's allclose, its atol scaled to the tensor), scale being the tensor's largest"
                        + " |reference|. Float32 rounding in a sum follows the summed terms, so measured errors are"
                        + " flat across a tensor at up to 2.1e-6 of its scale (LeNet fixtures, AlexNet): a 14-fold"
                        + " margin. The SGD update is compared as after - before, one float32 ulp of the parameter"
                        + " allowed per element. An all-zero reference tensor borrows the smallest scale of the"
                        + " file's other results of its kind (forward, gradients, updates), or must be exactly zero.",
                "",
                "Results the file does not record are listed as not checked, and the verdict is INCOMPLETE unless"
                        + " --partial accepts a partial reference.",
                "",
                "Exit status: 0 every result matches (with --partial: every recorded one); 1 a result differs;"
                        + " 2 usage error; 3 the reference lacks results (INCOMPLETE)."})
final class CheckCommand implements Callable<Integer> {
    /** Everything recorded matches, but the file leaves results out and {@code --partial} was not given. */
    static final int EXIT_INCOMPLETE = 3;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Option(names = "--reference", required = true, paramLabel = "FILE",
            description = "A .safetensors file recorded by PyTorch, parameters in nn.Sequential or the network's names.")
    Path reference;

    @Option(names = "--partial",
            description = "Accept a reference that records only some results: pass when every recorded one matches"
                    + " (the others are still listed as not checked).")
    boolean partial;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(reference)) {
            throw new ParameterException(spec.commandLine(), "No reference file at " + reference + ".");
        }
        CompiledNetwork compiled = classPath.resolve(network);
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
        out.printf("%s against %s (batch %d, on %s), each element within %s:%n", report.network(), reference,
                report.batchSize(), deviceName, ReferenceComparison.TOLERANCE.describe());
        report.comparisons().forEach(out::println);
        if (!report.complete()) {
            out.println("not in the reference, so not checked: " + String.join(", ", report.notRecorded()));
        }
        out.println(verdict(report));
        out.flush();
        return switch (report.verdict()) {
            case PASS -> 0;
            case INCOMPLETE -> partial ? 0 : EXIT_INCOMPLETE;
            case FAIL -> UserErrors.EXIT_FAILURE;
        };
    }

    private String verdict(ReferenceReport report) {
        int total = report.comparisons().size();
        int missing = report.notRecorded().size();
        return switch (report.verdict()) {
            case PASS -> "PASS: " + report.network() + " matches the reference in all " + total + " tensors.";
            case INCOMPLETE -> partial
                    ? "PASS (partial): " + report.network() + " matches the reference in all " + total
                            + " tensors it records; " + missing + " results were not checked."
                    : "INCOMPLETE: " + report.network() + " matches the reference in all " + total + " tensors it"
                            + " records, but " + missing + " results were not checked; record them, or pass"
                            + " --partial to accept a partial reference.";
            case FAIL -> {
                List<TensorComparison> failures = report.failures();
                yield "FAIL: " + report.network() + " differs from the reference in " + failures.size() + " of "
                        + total + " tensors: " + String.join(", ", failures.stream().map(TensorComparison::name)
                        .toList()) + ".";
            }
        };
    }
}
