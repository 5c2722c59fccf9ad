package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netc.data.Augmentation;
import netc.data.DataSource;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.TrainingData;
import netc.runtime.model.NetworkInfo;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingOptionsCheck;
import netc.train.TrainingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc train}: trains a network on Fashion-MNIST or the given data, each left-out option taken
 * from d2l's recipe for it.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a network on Fashion-MNIST, or on --data (an IDX folder, a .csv file or a folder of class"
                + " sub-folders of images), as d2l's train_ch6 does, writing metrics.csv, training.png and"
                + " checkpoint.safetensors to the output directory.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    // Boxed, so that "not given" (null) can fall back to the network's own recipe.
    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 10).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step (default: 256; AlexNet 128).")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.9; AlexNet 0.01).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum in [0, 1) (default: 0).")
    Double momentum;

    @Option(names = "--weight-decay", paramLabel = "W", description = "L2 weight decay (default: 0).")
    Double weightDecay;

    @Option(names = "--seed", paramLabel = "S", description = "Seeds weights, shuffling and dropout (default: 42).")
    Long seed;

    @Option(names = "--device", paramLabel = "SEL",
            description = "OpenCL device: gpu, cpu, an id from 'netc devices' or part of a name (default: $NETC_DEVICE,"
                    + " else the first GPU, else the first device).")
    String device;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the Fashion-MNIST IDX files (default: " + "/usr/share/datasets/fashion-mnist).")
    Path dataDirectory;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Training data: a folder holding an IDX pair (train-images-idx3-ubyte[.gz] and its labels), a"
                    + " .csv file (a label column and pixel columns) or a folder with one sub-folder of images per class"
                    + " (default: Fashion-MNIST from --data-dir).")
    Path data;

    @Option(names = "--test", paramLabel = "PATH",
            description = "Test data, of the same kinds (default: the t10k pair beside an IDX --data; other data needs"
                    + " --test or --test-split).")
    Path test;

    @Option(names = "--test-split", paramLabel = "FRACTION",
            description = "Hold out this fraction of the training data (chosen by --seed) to test on, e.g. 0.1.")
    Double testSplit;

    @Mixin
    DataFormatOptions dataFormat;

    @Mixin
    AugmentationOptions augmentation;

    @Option(names = "--output-dir", paramLabel = "DIR", description = "Where outputs go (default: runs/<network>).")
    Path outputDirectory;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N examples only (default: all).")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Test on the first N examples only (default: all).")
    Integer testLimit;

    @Option(names = "--resume", description = "Continue from the checkpoint in the output directory.")
    boolean resume;

    @Option(names = "--overwrite",
            description = "Start afresh even if the output directory holds an earlier run, replacing its metrics,"
                    + " plot and checkpoint (without this or --resume, such a directory is refused).")
    boolean overwrite;

    @Override
    public Integer call() {
        CompiledNetwork compiled = classPath.resolve(network);
        TrainingOptions options = options(compiled.name());
        TrainingData data = trainingData(compiled.info(), options);
        TrainingReport report = Trainer.fit(compiled.factory(), compiled.info(), options, data, System.out);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s, %s and %s%n", report.metricsCsv(), report.plotPng(), report.checkpoint());
        out.flush();
        return 0;
    }

    /** The network's recipe with every given option put in; impossible values are a usage error. */
    TrainingOptions options(String networkName) {
        TrainingOptions recipe = TrainingRecipes.forNetwork(networkName);
        TrainingOptions options = new TrainingOptions(
                or(epochs, recipe.epochs()),
                or(batchSize, recipe.batchSize()),
                or(learningRate, recipe.learningRate()),
                or(momentum, recipe.momentum()),
                or(weightDecay, recipe.weightDecay()),
                or(seed, recipe.seed()),
                or(device, recipe.device()),
                or(dataDirectory, recipe.dataDirectory()),
                or(outputDirectory, recipe.outputDirectory()),
                or(trainLimit, recipe.trainLimit()),
                or(testLimit, recipe.testLimit()),
                resume,
                overwrite);
        try {
            TrainingOptionsCheck.validate(options);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return options;
    }

    /**
     * The training and test sets the flags name, read and checked here, before any device work: --data
     * with --test, a --test-split of it, or the test pair of an IDX folder; Fashion-MNIST without --data.
     */
    TrainingData trainingData(NetworkInfo network, TrainingOptions options) {
        if (test != null && testSplit != null) {
            throw usage("--test gives a test set and --test-split holds one out of the training data; choose one.");
        }
        if (data == null && test != null) {
            throw usage("--test needs --data: Fashion-MNIST brings its own test set.");
        }
        if (data != null && dataDirectory != null) {
            throw usage("--data-dir is where Fashion-MNIST is, and --data replaces it; give one of them.");
        }
        Augmentation augmented = augmentation.augmentation();
        if (data == null) {
            dataFormat.requireCsvFlagsFit(null);
        }
        ImageDataset train;
        ImageDataset testSet = null;
        if (data == null) {
            train = FashionMnist.train(options.dataDirectory());
            if (testSplit == null) {
                testSet = FashionMnist.test(options.dataDirectory());
            }
        } else {
            DataSource source = dataFormat.source(data, network);
            train = source.openTraining();
            if (test != null) {
                testSet = dataFormat.source(test, network).openTest();
            } else if (testSplit == null) {
                if (!source.holdsTestSet()) {
                    throw usage(data + " holds no test set of its own; give one with --test PATH or hold out part of"
                            + " the training data with --test-split 0.1.");
                }
                testSet = source.openTest();
            }
        }
        TrainingData chosen = testSet != null ? TrainingData.of(train, testSet)
                : TrainingData.holdingOut(train, testSplit, options.seed());
        return chosen.withNormalization(dataFormat.normalization()).withAugmentation(augmented);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static <T> T or(T given, T recipe) {
        return given != null ? given : recipe;
    }
}
