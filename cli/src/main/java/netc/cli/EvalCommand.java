package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import netc.runtime.cl.Device;
import java.util.ArrayList;
import java.util.List;
import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.data.Normalization;
import netc.runtime.model.NetworkInfo;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc eval}: the test accuracy of a network with weights from a safetensors file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Loads weights (a netc checkpoint or weight file, or a PyTorch state_dict under its own names, mapped"
                + " as 'netc check --help' describes), batch norms' running statistics included, and prints the test"
                + " accuracy.")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

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
    Path dataDirectory;

    @Option(names = "--test", paramLabel = "PATH",
            description = "Test data: a folder holding an IDX pair (its t10k pair if it has one), a .csv file or a folder"
                    + " with one sub-folder of images per class (default: Fashion-MNIST's test set from --data-dir).")
    Path test;

    @Mixin
    DataFormatOptions dataFormat;

    @Option(names = "--test-limit", paramLabel = "N", defaultValue = "0",
            description = "Test on the first N examples only (default: all).")
    int testLimit;

    @Override
    public Integer call() {
        if (batchSize < 1 || testLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be at least 1 and --test-limit at least 0.");
        }
        if (test != null && dataDirectory != null) {
            throw new ParameterException(spec.commandLine(), "--data-dir is where Fashion-MNIST is, and --test replaces"
                    + " it; give one of them.");
        }
        InputFiles.require(spec, weights, "weight file");
        CompiledNetwork compiled = classPath.resolve(network);
        // Read and checked first: weights saved from another network are refused before data or a device is touched.
        TensorFile contents = SafetensorsReader.read(weights);
        WeightFiles.checkNetwork(contents, compiled.info());
        ImageDataset testSet = ImageDatasets.limit(testSet(compiled.info()), testLimit);
        Normalization normalization = dataFormat.normalization();
        DataCompatibility.check(compiled.info(), testSet, normalization);
        int imageBytes = BatchLoader.uploadBytesPerImage(testSet, Augmentation.NONE);
        try (Device opened = Device.open(device);
             // Checked before any allocation: past the device's memory a driver may abort the process.
             CompiledModel model = DeviceMemoryCheck.build(compiled.factory(), compiled.info(), opened, batchSize,
                     batch -> MemoryEstimate.evaluation(compiled.info(), batch, imageBytes))) {
            WeightFiles.load(contents, model, allowExtra ? ExtraTensors.IGNORE : ExtraTensors.REFUSE);
            EpochTally result;
            try (Evaluator evaluator = new Evaluator(model, testSet, normalization)) {
                result = evaluator.evaluate();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s with %s: test acc %.4f, test loss %.4f (%d examples on %s)%n", compiled.name(),
                    weights, result.accuracy(), result.meanLoss(), result.examples(), opened);
            out.flush();
        }
        return 0;
    }

    /**
     * The test set, its classes numbered as the network's outputs when it names them by number (a test
     * set may lack the last classes); named classes must match the outputs one to one.
     */
    private ImageDataset testSet(NetworkInfo network) {
        if (test == null) {
            dataFormat.requireCsvFlagsFit(null);
            return FashionMnist.test(dataDirectory != null ? dataDirectory : TrainingOptions.DEFAULT_DATA_DIRECTORY);
        }
        ImageDataset read = dataFormat.source(test, network).openTest();
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < network.outputs(); i++) {
            numbered.add(Integer.toString(i));
        }
        boolean numberedClasses = read.classNames().size() <= numbered.size()
                && read.classNames().equals(numbered.subList(0, read.classNames().size()));
        return numberedClasses ? ImageDatasets.withClasses(read, numbered) : read;
    }
}
