package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import netc.runtime.cl.Device;
import netc.data.BatchLoader;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.runtime.io.ExtraTensors;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.train.DataCompatibility;
import netc.train.EpochTally;
import netc.train.Evaluator;
import netc.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc eval}: the test accuracy of a network with weights from a safetensors file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Loads weights (a netc checkpoint or weight file, or a PyTorch nn.Sequential state_dict) and prints the test accuracy.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "A .safetensors file.")
    Path weights;

    @Option(names = "--allow-extra",
            description = "Ignore tensors in the file that are not the network's parameters (e.g. a file that also holds inputs or gradients).")
    boolean allowExtra;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "Examples per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory of the Fashion-MNIST IDX files.")
    Path dataDirectory = TrainingOptions.DEFAULT_DATA_DIRECTORY;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "Test on the first N examples only (default: all).")
    int testLimit;

    @Override
    public Integer call() {
        if (batchSize < 1 || testLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1 and --test-limit at least 0.");
        }
        InputFiles.require(spec, weights, "weight file");
        CompiledNetwork compiled = NetworkResolver.resolve(network);
        // Read and checked first: weights saved from another network are refused before data or a device is touched.
        TensorFile contents = SafetensorsReader.read(weights);
        WeightFiles.checkNetwork(contents, compiled.info());
        ImageDataset test = ImageDatasets.limit(FashionMnist.test(dataDirectory), testLimit);
        DataCompatibility.check(compiled.info(), test);
        int imageBytes = BatchLoader.uploadBytesPerImage(test, netc.data.Augmentation.NONE);
        try (Device opened = Device.open(device);
             // Checked before any allocation: past the device's memory a driver may abort the process.
             CompiledModel model = DeviceMemoryCheck.build(compiled.factory(), compiled.info(), opened, batchSize,
                     batch -> MemoryEstimate.evaluation(compiled.info(), batch, imageBytes))) {
            WeightFiles.load(contents, model, allowExtra ? ExtraTensors.IGNORE : ExtraTensors.REFUSE);
            EpochTally result;
            try (Evaluator evaluator = new Evaluator(model, test)) {
                result = evaluator.evaluate();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s with %s: test acc %.4f, test loss %.4f (%d examples on %s)%n", compiled.name(),
                    weights, result.accuracy(), result.meanLoss(), result.examples(), opened);
            out.flush();
        }
        return 0;
    }
}
