package netc.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.data.NetworkInput;
import netc.data.TrainingData;
import netc.runtime.io.Checkpoint;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.Sgd;

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
                    batch -> MemoryEstimate.training(info, batch, imageBytes));
            files.create();
            MetricsCsv metrics = new MetricsCsv(files.metricsCsv());
            if (!options.resume()) {
                if (options.overwrite()) {
                    files.discardEarlierOutputs();
                }
                // Before the model is built, so that an output directory that cannot be written fails at once.
                metrics.rewrite(List.of());
            }
            return train(device, factory, info, options, limited, files, metrics, out);
        }
    }

    private static TrainingReport train(Device device, ModelFactory factory, NetworkInfo info, TrainingOptions options,
                                        TrainingData data, RunFiles files, MetricsCsv metrics, PrintStream out) {
        ImageDataset train = data.train();
        ImageDataset test = data.test();
        NetworkInput input = DataCompatibility.input(info, data.normalization());
        try (CompiledModel model = factory.create(device, options.batchSize());
             Sgd optimizer = new Sgd(device, model.parameters(), (float) options.learningRate(),
                     (float) options.momentum(), (float) options.weightDecay());
             TrainingLoop loop = new TrainingLoop(model, optimizer, train, input, data.augmentation(), options.seed(),
                     new LossGuard(options.learningRate()));
             Evaluator evaluator = new Evaluator(model, test, data.normalization())) {
            XavierInit.apply(model.parameters(), options.seed());
            List<EpochMetrics> history = new ArrayList<>();
            int epochsDone = 0;
            if (options.resume()) {
                epochsDone = Checkpoint.load(files.checkpoint(), model, optimizer);
                // Rows past the checkpoint belong to an epoch whose weights were not saved: it is trained again.
                for (EpochMetrics earlier : metrics.read()) {
                    if (earlier.epoch() <= epochsDone) {
                        history.add(earlier);
                    }
                }
                out.printf("resuming %s from %s after epoch %d%n", info.name(), files.checkpoint(), epochsDone);
                metrics.rewrite(history);
            }
            if (epochsDone >= options.epochs()) {
                out.printf("the checkpoint already holds %d epochs; raise --epochs to train further%n", epochsDone);
                return new TrainingReport(List.copyOf(history), files.metricsCsv(), files.plotPng(), files.checkpoint());
            }
            out.printf("training %s on %s: %d training and %d test examples of %s, batch %d, lr %s%n", info.name(),
                    device, train.size(), test.size(), train.name(), options.batchSize(), options.learningRate());
            if (!data.normalization().isNone() || !data.augmentation().isNone()) {
                out.printf("normalisation %s, augmentation %s%n", data.normalization(), data.augmentation());
            }
            ProgressReporter progress = ProgressReporter.forConsole(out);
            long examples = 0;
            double trainingSeconds = 0;
            for (int epoch = epochsDone; epoch < options.epochs(); epoch++) {
                long start = System.nanoTime();
                progress.startEpoch(epoch + 1, options.epochs(), loop.batchesPerEpoch());
                EpochTally trained = loop.runEpoch(epoch, progress);
                double seconds = (System.nanoTime() - start) / 1e9;
                progress.finishEpoch();
                EpochTally tested = evaluator.evaluate();
                EpochMetrics epochMetrics = new EpochMetrics(epoch + 1, trained.meanLoss(), trained.accuracy(),
                        tested.accuracy(), trained.examples() / seconds, (System.nanoTime() - start) / 1e9);
                examples += trained.examples();
                trainingSeconds += seconds;
                history.add(epochMetrics);
                metrics.append(epochMetrics);
                // With the class names and normalisation, so that predictions from the checkpoint need nothing else.
                Checkpoint.save(files.checkpoint(), model, optimizer, epoch + 1, data.description());
                writePlot(history, files, info.name() + " on " + train.name(), out);
                out.println(EpochLine.epoch(epochMetrics, options.epochs()));
            }
            out.println(EpochLine.scores(history.get(history.size() - 1)));
            out.println(EpochLine.speed(examples / trainingSeconds, device.toString()));
            return new TrainingReport(List.copyOf(history), files.metricsCsv(), files.plotPng(), files.checkpoint());
        }
    }

    private static void writePlot(List<EpochMetrics> history, RunFiles files, String title, PrintStream out) {
        try {
            TrainingPlot.write(history, files.plotPng(), title);
        } catch (RuntimeException | LinkageError e) {
            // The plot is a convenience: losing it (e.g. a JRE without AWT) must not stop hours of training.
            out.println("warning: could not draw " + files.plotPng() + ": " + e.getMessage());
        }
    }
}
