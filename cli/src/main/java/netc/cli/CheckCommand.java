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
                "The reference is a safetensors file as in fixtures/README.md: the state_dict before the step"
                        + " (parameters, and a batch norm's running_mean, running_var and num_batches_tracked),"
                        + " 'input' F32 (N, C, H, W), 'labels' I64 (N), 'logits', 'loss', '<param>.grad',"
                        + " '<param>.after_sgd', '<buffer>.after_step', and the metadata 'lr' (required) and"
                        + " 'loss_after_sgd'. The step is plain SGD at lr, dropout the identity, batch norm in"
                        + " training mode (the batch's statistics; running statistics and num_batches_tracked"
                        + " updated, the count compared exactly).",
                "",
                "Names: PyTorch's state_dict keys are taken as they are. A key names a netc tensor when, level by"
                        + " level of the module nesting, each segment is the layer's field name or its position in"
                        + " an nn.Sequential (counting the entries a fused activation or an implied Flatten stand"
                        + " for), then a repeated block's copy number, then the suffix: LeNet's 3.weight is"
                        + " conv2.weight, ResNet18's 2.0.bn1.running_mean is b3.first.bn1.running_mean,"
                        + " DenseNet's 1.net.3.0.weight is dense1.net[3].bn.weight. netc's own names work too.",
                "",
                "Tolerance: every element must satisfy |netc - reference| <= 3e-5*scale + 3e-5*|reference|"
                        + " (numpy's allclose, its atol scaled to the tensor), scale being the tensor's largest"
                        + " |reference|, plus 10 times the tensor's float32 noise: the largest change of the result"
                        + " when the step is replayed with every parameter one ulp away. Float32 rounding follows"
                        + " the summed terms, so well-conditioned results err by up to 2.1e-6 of their scale (a"
                        + " 14-fold margin) and their noise is some 1e-7 of it; a result that is a cancelled sum"
                        + " (the bias gradient of a layer a batch norm follows, whose exact value is 0; the lower"
                        + " layers of NiN and GoogLeNet) is noise in every float32 implementation, PyTorch's too,"
                        + " and is allowed what netc's own noise shows. Where a batch norm sees only 2 values per"
                        + " channel (batch 2 into BatchNorm1d), gradients and updates are further allowed"
                        + " 2*u*kappa of their scale, kappa = (var + eps)/eps, u = 2^-24: float32 computes"
                        + " eps/(var + eps) as the rest of a cancellation. The SGD update is compared as"
                        + " after - before, one float32 ulp of the parameter allowed per element. An all-zero"
                        + " reference tensor borrows the smallest scale of the file's other results of its kind.",
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
            description = "A sample (LeNet, AlexNet, LeNetBN, ResNet18, DenseNet, ...) or the fully qualified name of a"
                    + " @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Option(names = "--reference", required = true, paramLabel = "FILE",
            description = "A .safetensors file recorded by PyTorch: its state_dict names as PyTorch wrote them, or the"
                    + " network's own names.")
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
                    + " any of logits, loss, <param>.grad, <param>.after_sgd, <buffer>.after_step or the metadata"
                    + " loss_after_sgd.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s against %s (batch %d, on %s), each element within %s:%n", report.network(), reference,
                report.batchSize(), deviceName, ReferenceComparison.TOLERANCE.describe());
        report.notes().forEach(out::println);
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
