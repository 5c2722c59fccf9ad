package netc.train;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.io.Checkpoint;
import netc.runtime.io.DataDescription;
import netc.runtime.model.CompiledModel;
import netc.runtime.ops.Optimizer;

/**
 * The epochs of one training run around an {@link EpochRunner}: resuming from the checkpoint, the
 * learning rate each epoch's schedule gives, evaluation, metrics, checkpoints, the plot, callbacks and
 * early stopping. The data it trains on is the loop's and the evaluator's business.
 */
final class TrainingRun {
    private final CompiledModel model;
    private final Optimizer optimizer;
    private final TrainingOptions options;
    private final RunFiles files;
    private final MetricsCsv metrics;
    private final PrintStream out;
    private final DataDescription data;
    private final List<EpochMetrics> history = new ArrayList<>();
    private int epochsDone;
    private boolean stoppedEarly;

    /**
     * {@code data}: the training data's class names and normalisation, saved in every checkpoint so that
     * predictions from it need nothing else.
     */
    TrainingRun(CompiledModel model, Optimizer optimizer, TrainingOptions options, RunFiles files, MetricsCsv metrics,
                PrintStream out, DataDescription data) {
        this.model = model;
        this.optimizer = optimizer;
        this.options = options;
        this.files = files;
        this.metrics = metrics;
        this.out = out;
        this.data = data;
    }

    /** The optimizer, schedule and early stopping as the run's first line shows them. */
    static String describe(TrainingOptions options) {
        StringBuilder text = new StringBuilder(options.optimizer().toString());
        if (!(options.schedule() instanceof LearningRateSchedule.Constant)) {
            text.append(", schedule ").append(options.schedule());
        }
        EarlyStopping stopping = options.earlyStopping();
        if (stopping != null) {
            text.append(", early stopping after ").append(stopping.patience())
                    .append(" epochs without a better test acc");
            if (stopping.minDelta() > 0) {
                text.append(" (by more than ").append(Float32Range.format(stopping.minDelta())).append(')');
            }
        }
        return text.toString();
    }

    /**
     * With {@code --resume}, restores the checkpoint and the epochs it holds; returns whether any epoch is
     * left to train (none when the checkpoint holds them all, or early stopping had already ended the run).
     */
    boolean restore() {
        if (options.resume()) {
            epochsDone = Checkpoint.load(files.checkpoint(), model, optimizer);
            // Rows past the checkpoint belong to an epoch whose weights were not saved: it is trained again.
            for (EpochMetrics earlier : metrics.read()) {
                if (earlier.epoch() <= epochsDone) {
                    history.add(earlier);
                }
            }
            out.printf("resuming %s from %s after epoch %d%n", model.info().name(), files.checkpoint(), epochsDone);
            metrics.rewrite(history);
        }
        if (epochsDone >= options.epochs()) {
            out.printf("the checkpoint already holds %d epochs; raise --epochs to train further%n", epochsDone);
            return false;
        }
        EarlyStopping stopping = options.earlyStopping();
        if (stopping != null && stopping.shouldStop(history)) {
            stoppedEarly = true;
            out.println(stoppedLine(stopping) + "; raise the patience or train without early stopping to go on");
            return false;
        }
        return true;
    }

    /** Trains the epochs left; the plot is titled {@code plotTitle} ("LeNet on Fashion-MNIST"). */
    TrainingReport trainEpochs(EpochRunner loop, Evaluator evaluator, String plotTitle, String device) {
        ProgressReporter progress = ProgressReporter.forConsole(out);
        EarlyStopping stopping = options.earlyStopping();
        boolean scheduled = !(options.schedule() instanceof LearningRateSchedule.Constant);
        long examples = 0;
        double trainingSeconds = 0;
        for (int epoch = epochsDone; epoch < options.epochs(); epoch++) {
            double learningRate = options.learningRate(epoch);
            optimizer.setLearningRate((float) learningRate);
            long start = System.nanoTime();
            progress.startEpoch(epoch + 1, options.epochs(), loop.batchesPerEpoch());
            EpochTally trained = loop.runEpoch(epoch, progress);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.finishEpoch();
            EpochTally tested = evaluator.evaluate();
            EpochMetrics epochMetrics = new EpochMetrics(epoch + 1, trained.meanLoss(), trained.accuracy(),
                    tested.accuracy(), trained.examples() / seconds, (System.nanoTime() - start) / 1e9, learningRate);
            examples += trained.examples();
            trainingSeconds += seconds;
            history.add(epochMetrics);
            metrics.append(epochMetrics);
            Checkpoint.save(files.checkpoint(), model, optimizer, epoch + 1, data);
            if (stopping != null && stopping.bestIndex(history) == history.size() - 1) {
                Checkpoint.save(files.bestCheckpoint(), model, optimizer, epoch + 1, data);
            }
            writePlot(plotTitle);
            out.println(EpochLine.epoch(epochMetrics, options.epochs(), scheduled));
            for (TrainingCallback callback : options.callbacks()) {
                callback.onEpochEnd(epochMetrics);
            }
            if (stopping != null && epoch + 1 < options.epochs() && stopping.shouldStop(history)) {
                stoppedEarly = true;
                out.println(stoppedLine(stopping));
                break;
            }
        }
        out.println(EpochLine.scores(history.get(history.size() - 1)));
        out.println(EpochLine.speed(examples / trainingSeconds, device));
        return report();
    }

    /** What the run left: the history so far and the files; tells the callbacks that training ended. */
    TrainingReport report() {
        TrainingHistory done = new TrainingHistory(history, stoppedEarly);
        for (TrainingCallback callback : options.callbacks()) {
            callback.onTrainingEnd(done);
        }
        EarlyStopping stopping = options.earlyStopping();
        if (stopping == null || history.isEmpty() || !Files.exists(files.bestCheckpoint())) {
            return new TrainingReport(done, files.metricsCsv(), files.plotPng(), files.checkpoint(), null, 0);
        }
        return new TrainingReport(done, files.metricsCsv(), files.plotPng(), files.checkpoint(), files.bestCheckpoint(),
                history.get(stopping.bestIndex(history)).epoch());
    }

    private String stoppedLine(EarlyStopping stopping) {
        EpochMetrics best = history.get(stopping.bestIndex(history));
        return String.format(java.util.Locale.ROOT, "early stopping after epoch %d: the test accuracy has not"
                        + " improved on epoch %d's %.3f for %d epochs; its weights are in %s",
                history.get(history.size() - 1).epoch(), best.epoch(), best.testAccuracy(), stopping.patience(),
                files.bestCheckpoint());
    }

    private void writePlot(String title) {
        try {
            TrainingPlot.write(history, files.plotPng(), title);
        } catch (RuntimeException | LinkageError e) {
            // The plot is a convenience: losing it (e.g. a JRE without AWT) must not stop hours of training.
            out.println("warning: could not draw " + files.plotPng() + ": " + e.getMessage());
        }
    }
}
