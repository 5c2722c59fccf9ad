package netc.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.data.Dataset;
import netc.data.FashionMnist;
import netc.runtime.io.Checkpoint;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.Sgd;

/** Trains a generated model on Fashion-MNIST as d2l's {@code train_ch6} does. */
public final class Trainer {
    private Trainer() {}

    /** Builds the model on the chosen device, trains it for the given epochs and reports. */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options) {
        return fit(factory, info, options, System.out);
    }

    /**
     * As {@link #fit(ModelFactory, NetworkInfo, TrainingOptions)}, printing progress and results to {@code out}.
     * Refused, each before any device memory is allocated: impossible options, data the network cannot
     * take, an output directory holding an earlier run (unless resuming or overwriting), and a batch
     * whose estimated memory the device cannot hold.
     */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options, PrintStream out) {
        TrainingOptionsCheck.validate(options);
        Dataset train = FashionMnist.train(options.dataDirectory()).limit(options.trainLimit());
        Dataset test = FashionMnist.test(options.dataDirectory()).limit(options.testLimit());
        // These checks come before the device opens, so a wrong network, a missing checkpoint or an earlier
        // run in the way costs nothing.
        DataCompatibility.check(info, train);
        RunFiles files = RunFiles.in(options.outputDirectory());
        OutputDirectoryCheck.check(files, options);
        try (Device device = Device.open(options.device())) {
            int imageBytes = train.rows() * train.cols();
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
            return train(device, factory, info, options, train, test, files, metrics, out);
        }
    }

    private static TrainingReport train(Device device, ModelFactory factory, NetworkInfo info, TrainingOptions options,
                                        Dataset train, Dataset test, RunFiles files, MetricsCsv metrics,
                                        PrintStream out) {
        try (CompiledModel model = factory.create(device, options.batchSize());
             Sgd optimizer = new Sgd(device, model.parameters(), (float) options.learningRate(),
                     (float) options.momentum(), (float) options.weightDecay());
             TrainingLoop loop = new TrainingLoop(model, optimizer, train, options.seed(),
                     new LossGuard(options.learningRate()));
             Evaluator evaluator = new Evaluator(model, test)) {
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
            out.printf("training %s on %s: %d training and %d test examples, batch %d, lr %s%n", info.name(), device,
                    train.count(), test.count(), options.batchSize(), options.learningRate());
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
                Checkpoint.save(files.checkpoint(), model, optimizer, epoch + 1);
                writePlot(history, files, info, out);
                out.println(EpochLine.epoch(epochMetrics, options.epochs()));
            }
            out.println(EpochLine.scores(history.get(history.size() - 1)));
            out.println(EpochLine.speed(examples / trainingSeconds, device.toString()));
            return new TrainingReport(List.copyOf(history), files.metricsCsv(), files.plotPng(), files.checkpoint());
        }
    }

    private static void writePlot(List<EpochMetrics> history, RunFiles files, NetworkInfo info, PrintStream out) {
        try {
            TrainingPlot.write(history, files.plotPng(), info.name() + " on Fashion-MNIST");
        } catch (RuntimeException | LinkageError e) {
            // The plot is a convenience: losing it (e.g. a JRE without AWT) must not stop hours of training.
            out.println("warning: could not draw " + files.plotPng() + ": " + e.getMessage());
        }
    }
}
