package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.StateDictExport;
import netc.runtime.io.TensorFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc export}: a trained network's tensors as a file PyTorch's {@code load_state_dict} takes. No device needed. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a trained network's tensors without the optimizer's state, for PyTorch:"
                + " model.load_state_dict(safetensors.torch.load_file(OUTPUT)).",
                "Parameters, batch norms' running statistics and num_batches_tracked (I64) are all written.",
                "Without --names-from the names are the network's own (conv1.weight, ...), for a PyTorch module"
                        + " whose attributes are named as the network's fields. With --names-from TEMPLATE they are"
                        + " the template's: save your PyTorch model's state_dict with"
                        + " safetensors.torch.save_file(model.state_dict(), 'template.safetensors'). Its names"
                        + " are matched level by level to the network's fields by name or by place in an"
                        + " nn.Sequential (d2l's 0.weight, 2.0.bn1.running_mean, ...), as 'netc check --help'"
                        + " describes."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Option(names = {"--checkpoint", "--weights"}, required = true, paramLabel = "FILE",
            description = "A netc checkpoint or weight file of the network.")
    Path checkpoint;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "FILE", description = "The .safetensors file to write.")
    Path output;

    @Option(names = "--names-from", paramLabel = "TEMPLATE",
            description = "The PyTorch model's state_dict as .safetensors, whose names (and shapes) the output takes.")
    Path template;

    @Override
    public Integer call() {
        InputFiles.require(spec, checkpoint, "checkpoint");
        if (template != null) {
            InputFiles.require(spec, template, "template");
        }
        CompiledNetwork compiled = classPath.resolve(network);
        TensorFile trained = SafetensorsReader.read(checkpoint);
        if (template == null) {
            StateDictExport.writeOwnNames(trained, compiled.info(), output);
        } else {
            StateDictExport.write(trained, compiled.info(), SafetensorsReader.read(template), output);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s%n", output);
        out.flush();
        return 0;
    }
}
