package netc.train;

import java.io.PrintStream;
import java.util.List;
import netc.runtime.cl.Device;
import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.data.NetworkInput;
import netc.data.TrainingData;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.Optimizer;

/** Trains a generated model on any {@link ImageDataset} (Fashion-MNIST by default) as d2l's {@code train_ch6} does. */
public final class Trainer {
    private Trainer() {}

    /** Builds the model on the chosen device, trains it on Fashion-MNIST for the given epochs and reports. */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options) {
        return fit(factory, info, options, System.out);
    }

    /**
     * As {@link #fit(ModelFactory, NetworkInfo, TrainingOptions)}, printing progress and results to {@code out}:
     * Fashion-MNIST from {@code options.dataDirectory()}.
     */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options, PrintStream out) {
        TrainingOptionsCheck.validate(options);
        return fit(factory, info, options, FashionMnist.train(options.dataDirectory()),
                FashionMnist.test(options.dataDirectory()), out);
    }

    /** Trains on {@code train} and tests on {@code test} after each epoch, both in [0, 1] and not augmented. */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options,
                                     ImageDataset train, ImageDataset test, PrintStream out) {
        return fit(factory, info, options, TrainingData.of(train, test), out);
    }

    /**
     * Trains on {@code data}'s training set, normalised and augmented as it says, and tests on its test
     * set (normalised, never augmented) after each epoch; {@code options}' limits take the first images
     * of each. The test set's classes are matched to the training set's by name. Refused, each before
     * any device memory is allocated: impossible options, data the network cannot take, an output
     * directory holding an earlier run (unless resuming or overwriting), and a batch whose estimated
     * memory the device cannot hold.
     */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options, TrainingData data,
                                     PrintStream out) {
        return fit(factory, info, options, data, out, EpochRunner.Factory.LOCAL);
    }

    /**
     * As {@link #fit(ModelFactory, NetworkInfo, TrainingOptions, TrainingData, PrintStream)}, the epochs trained by
     * {@code runners}' runner (netc-spark's trains data-parallel on a cluster); the model built here on
     * {@code options.device()} evaluates, holds the weights between epochs and is what checkpoints save.
     */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options, TrainingData data,
                                     PrintStream out, EpochRunner.Factory runners) {
        TrainingOptionsCheck.validate(options);
        ImageDataset train = ImageDatasets.limit(data.train(), options.trainLimit());
        ImageDataset test = ImageDatasets.withClasses(ImageDatasets.limit(data.test(), options.testLimit()),
                train.classNames());
        // These checks come before the device opens, so a wrong network, a missing checkpoint or an earlier
        // run in the way costs nothing.
        DataCompatibility.check(info, train, data.normalization());
        DataCompatibility.check(info, test, data.normalization());
        TrainingData limited = new TrainingData(train, test, data.normalization(), data.augmentation());
        RunFiles files = RunFiles.in(options.outputDirectory());
        OutputDirectoryCheck.check(files, options);
        try (Device device = Device.open(options.device())) {
            // The training and test loaders' upload buffers are estimated alike, from the larger.
            int imageBytes = Math.max(BatchLoader.uploadBytesPerImage(train, data.augmentation()),
                    BatchLoader.uploadBytesPerImage(test, Augmentation.NONE));
            // Before any allocation: past the device's memory a driver may abort the process (PoCL does).
            DeviceMemoryCheck.require(device.info(), info.name(), options.batchSize(),
                    batch -> MemoryEstimate.training(info, batch, imageBytes,
                            options.optimizer().stateTensorsPerParameter()));
            files.create();
            MetricsCsv metrics = new MetricsCsv(files.metricsCsv());
            if (!options.resume()) {
                if (options.overwrite()) {
                    files.discardEarlierOutputs();
                }
                // Before the model is built, so that an output directory that cannot be written fails at once.
                metrics.rewrite(List.of());
            }
            return train(device, factory, info, options, limited, files, metrics, out, runners);
        }
    }

    private static TrainingReport train(Device device, ModelFactory factory, NetworkInfo info, TrainingOptions options,
                                        TrainingData data, RunFiles files, MetricsCsv metrics, PrintStream out,
                                        EpochRunner.Factory runners) {
        ImageDataset train = data.train();
        ImageDataset test = data.test();
        NetworkInput input = DataCompatibility.input(info, data.normalization());
        try (CompiledModel model = factory.create(device, options.batchSize());
             Optimizer optimizer = options.optimizer().create(device, model.parameters());
             EpochRunner loop = runners.create(model, optimizer, data, input, options,
                     new LossGuard(options.learningRate()));
             Evaluator evaluator = new Evaluator(model, test, data.normalization())) {
            XavierInit.apply(model.parameters(), options.seed());
            TrainingRun run = new TrainingRun(model, optimizer, options, files, metrics, out, data.description());
            if (!run.restore()) {
                return run.report();
            }
            out.printf("training %s on %s: %d training and %d test examples of %s, batch %d, %s%n", info.name(), device,
                    train.size(), test.size(), train.name(), options.batchSize(), TrainingRun.describe(options));
            if (!data.normalization().isNone() || !data.augmentation().isNone()) {
                out.printf("normalisation %s, augmentation %s%n", data.normalization(), data.augmentation());
            }
            return run.trainEpochs(loop, evaluator, info.name() + " on " + train.name(), device.toString());
        }
    }
}
