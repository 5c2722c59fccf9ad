package netc.train;

import java.io.PrintStream;
import java.util.List;
import netc.runtime.cl.Device;
import netc.data.Dataset;
import netc.data.FashionMnist;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.Optimizer;

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
            return train(device, factory, info, options, train, test, files, metrics, out);
        }
    }

    private static TrainingReport train(Device device, ModelFactory factory, NetworkInfo info, TrainingOptions options,
                                        Dataset train, Dataset test, RunFiles files, MetricsCsv metrics,
                                        PrintStream out) {
        try (CompiledModel model = factory.create(device, options.batchSize());
             Optimizer optimizer = options.optimizer().create(device, model.parameters());
             TrainingLoop loop = new TrainingLoop(model, optimizer, train, options.seed(),
                     new LossGuard(options.learningRate()));
             Evaluator evaluator = new Evaluator(model, test)) {
            XavierInit.apply(model.parameters(), options.seed());
            TrainingRun run = new TrainingRun(model, optimizer, options, files, metrics, out);
            if (!run.restore()) {
                return run.report();
            }
            out.printf("training %s on %s: %d training and %d test examples of %s, batch %d, %s%n", info.name(), device,
                    train.count(), test.count(), train.name(), options.batchSize(), TrainingRun.describe(options));
            return run.trainEpochs(loop, evaluator, info.name() + " on " + train.name(), device.toString());
        }
    }
}
