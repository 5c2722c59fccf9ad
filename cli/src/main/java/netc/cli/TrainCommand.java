package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import netc.data.Augmentation;
import netc.data.DataSource;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.TrainingData;
import netc.runtime.model.NetworkInfo;
import netc.spark.SparkOptions;
import netc.spark.SparkTraining;
import netc.spark.SparkTrainingException;
import netc.train.AdamSettings;
import netc.train.EarlyStopping;
import netc.train.LearningRateSchedule;
import netc.train.OptimizerSettings;
import netc.train.Optimizers;
import netc.train.SgdSettings;
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
 * {@code netc train}: trains a network on Fashion-MNIST or the given data, a thin layer over
 * {@link Trainer#fit}: each left-out option comes from a recipe ({@link TrainingRecipes}: d2l's settings for
 * its sample networks, the API's defaults for any other).
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

    @Option(names = "--recipe", paramLabel = "NAME",
            description = "Where left-out options come from: 'default' (SGD lr 0.01, momentum 0.9, batch 64, 10"
                    + " epochs: suits any network) or 'd2l' (d2l.ai's settings for its networks: LeNet lr 0.9 batch"
                    + " 256, AlexNet lr 0.01 batch 128, ...; plain SGD, 10 epochs). Default: d2l for d2l's sample"
                    + " networks, else default.")
    String recipe;

    // Boxed, so that "not given" (null) can fall back to the recipe.
    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set (default: 10).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Examples per step (default: the recipe's: 64; d2l: LeNet 256, AlexNet 128).")
    Integer batchSize;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd, adam or adamw, PyTorch's rules and defaults (Adam/AdamW: lr 0.001, betas (0.9, 0.999),"
                    + " eps 1e-8; AdamW weight decay 0.01) (default: the recipe's: sgd).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Base learning rate (default: the recipe's: 0.01; d2l: LeNet 0.9, AlexNet 0.01; Adam 0.001).")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "M", description = "SGD momentum in [0, 1) (default: 0.9; d2l: 0).")
    Double momentum;

    @Option(names = "--nesterov", description = "SGD with Nesterov momentum (needs a momentum above 0).")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "W",
            description = "Weight decay: an L2 term for SGD and Adam, decoupled for AdamW (default: 0; AdamW 0.01).")
    Double weightDecay;

    @Option(names = "--schedule", paramLabel = "SCHEDULE", description = {
        "The learning rate per epoch, a factor of --lr set before each epoch as PyTorch's schedulers stepped"
                + " once per epoch (default: constant):",
        "constant: the same rate every epoch",
        "step:EVERY:GAMMA: times GAMMA every EVERY epochs",
        "cosine: from --lr down towards 0 over the run",
        "warmup:W: from lr/W up to lr in W epochs",
        "warmup:W+SCHEDULE: then SCHEDULE over the rest",
        "for example step:30:0.1 or warmup:5+cosine."})
    String schedule;

    @Option(names = "--early-stop", paramLabel = "PATIENCE",
            description = "Stop when the test accuracy has not improved for PATIENCE epochs; the best epoch's"
                    + " checkpoint is kept in best.safetensors (default: train every epoch).")
    Integer earlyStopPatience;

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

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Train data-parallel on Apache Spark: local[N] runs N workers on this machine (nothing to"
                    + " install), spark://HOST:PORT, yarn or k8s://... a cluster (see docs/DISTRIBUTED.md). --batch-size"
                    + " is then the batch of one synchronised step, split evenly over the workers.")
    String sparkMaster;

    @Option(names = "--workers", paramLabel = "N",
            description = "With --spark: model replicas training side by side (default: local[N]'s N, else Spark's"
                    + " default parallelism).")
    Integer workers;

    @Option(names = "--sync-every", paramLabel = "K",
            description = "With --spark: local steps per worker between two averagings of the replicas (default: 1,"
                    + " exactly synchronous SGD).")
    Integer syncEvery;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "With --spark: a Spark setting, as spark-submit's --conf (e.g. spark.executor.memory=8g,"
                    + " spark.jars=net.jar); may be repeated.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Override
    public Integer call() {
        if (sparkMaster == null && (workers != null || syncEvery != null || !sparkConf.isEmpty())) {
            String option = workers != null ? "--workers" : syncEvery != null ? "--sync-every" : "--spark-conf";
            throw usage(option + " applies to training on Spark; add --spark local[N] (or a cluster's master URL),"
                    + " or leave it out.");
        }
        CompiledNetwork compiled = classPath.resolve(network);
        TrainingOptions options = options(compiled.networkClass());
        TrainingData data = trainingData(compiled.info(), options);
        TrainingReport report = sparkMaster == null
                ? Trainer.fit(compiled.factory(), compiled.info(), options, data, System.out)
                : SparkTraining.fit(compiled.modelClass(), compiled.info(), options, data, sparkOptions(), System.out);
        PrintWriter out = spec.commandLine().getOut();
        if (report.bestCheckpoint() == null) {
            out.printf("wrote %s, %s and %s%n", report.metricsCsv(), report.plotPng(), report.checkpoint());
        } else {
            out.printf("wrote %s, %s, %s and %s (the best epoch, %d)%n", report.metricsCsv(), report.plotPng(),
                    report.checkpoint(), report.bestCheckpoint(), report.bestEpoch());
        }
        out.flush();
        return 0;
    }

    private SparkOptions sparkOptions() {
        try {
            return new SparkOptions(sparkMaster, workers == null ? 0 : workers, syncEvery == null ? 1 : syncEvery,
                    sparkConf);
        } catch (SparkTrainingException e) {
            throw usage(e.getMessage());
        }
    }

    /** The recipe's options for {@code network} with every given option put in; impossible values are a usage error. */
    TrainingOptions options(Class<?> network) {
        try {
            TrainingOptions.Builder builder = TrainingRecipes.forNetwork(recipe, network);
            TrainingOptions recipeOptions = builder.build();
            builder.optimizer(optimizer(recipeOptions.optimizer()))
                    .epochs(or(epochs, recipeOptions.epochs()))
                    .batchSize(or(batchSize, recipeOptions.batchSize()))
                    .seed(or(seed, recipeOptions.seed()))
                    .device(or(device, recipeOptions.device()))
                    .dataDirectory(or(dataDirectory, recipeOptions.dataDirectory()))
                    .outputDirectory(or(outputDirectory, recipeOptions.outputDirectory()))
                    .trainLimit(or(trainLimit, recipeOptions.trainLimit()))
                    .testLimit(or(testLimit, recipeOptions.testLimit()))
                    .resume(resume)
                    .overwrite(overwrite);
            if (schedule != null) {
                builder.schedule(LearningRateSchedule.parse(schedule));
            }
            if (earlyStopPatience != null) {
                builder.earlyStopping(EarlyStopping.patience(earlyStopPatience));
            }
            TrainingOptions options = builder.build();
            TrainingOptionsCheck.validate(options);
            return options;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * {@code --optimizer} (or the recipe's) with {@code --lr}, {@code --momentum}, {@code --nesterov} and
     * {@code --weight-decay}.
     */
    private OptimizerSettings optimizer(OptimizerSettings recipe) {
        String kind = optimizer == null ? recipe.kind() : optimizer.toLowerCase(Locale.ROOT);
        OptimizerSettings chosen = switch (kind) {
            case "sgd" -> recipe instanceof SgdSettings ? recipe : TrainingOptions.DEFAULT_OPTIMIZER;
            case "adam" -> recipe.kind().equals(kind) ? recipe : Optimizers.adam();
            case "adamw" -> recipe.kind().equals(kind) ? recipe : Optimizers.adamW();
            default -> throw new IllegalArgumentException("Unknown optimizer '" + optimizer + "'; choose sgd, adam or"
                    + " adamw.");
        };
        if (learningRate != null) {
            chosen = chosen.learningRate(learningRate);
        }
        if (chosen instanceof SgdSettings sgd) {
            sgd = momentum == null ? sgd : sgd.momentum(momentum);
            sgd = nesterov ? sgd.nesterov(true) : sgd;
            return weightDecay == null ? sgd : sgd.weightDecay(weightDecay);
        }
        if (momentum != null || nesterov) {
            throw new IllegalArgumentException((momentum != null ? "--momentum" : "--nesterov") + " applies to SGD, but"
                    + " the optimizer is " + chosen.kind() + ", whose moments follow its betas (0.9, 0.999); leave it"
                    + " out or pass --optimizer sgd.");
        }
        AdamSettings adam = (AdamSettings) chosen;
        return weightDecay == null ? adam : adam.weightDecay(weightDecay);
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
