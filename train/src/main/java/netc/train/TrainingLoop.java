package netc.train;

import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.ImageDataset;
import netc.data.NetworkInput;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Optimizer;

/**
 * One epoch of mini-batch training at a time, as d2l's {@code train_ch6} inner loop: the loader fills the
 * model's input and the step's labels, the {@link TrainingStep} trains on them. Everything a step does is
 * enqueued on the device's one queue; reading the loss back is the step's only wait.
 */
final class TrainingLoop implements EpochRunner {
    private final long seed;
    private final LossGuard guard;
    private final BatchLoader loader;
    private final TrainingStep step;

    /**
     * Trains on {@code data}, fed to the model as {@code input} says, each image augmented unless
     * {@code augmentation} is none.
     */
    TrainingLoop(CompiledModel model, Optimizer optimizer, ImageDataset data, NetworkInput input,
                 Augmentation augmentation, long seed, LossGuard guard) {
        this.seed = seed;
        this.guard = guard;
        this.loader = new BatchLoader(model.device(), data, model.batchSize(), input, true, seed, augmentation);
        this.step = new TrainingStep(model, optimizer, Mode.TRAIN);
    }

    @Override
    public int batchesPerEpoch() {
        return loader.batchesPerEpoch();
    }

    @Override
    public EpochTally runEpoch(int epoch, ProgressReporter progress) {
        EpochTally tally = new EpochTally();
        loader.startEpoch(epoch);
        int batches = loader.batchesPerEpoch();
        int done = 0;
        int rows;
        while ((rows = loader.next(step.model().input(), step.labels())) > 0) {
            // A global step number keeps dropout masks distinct across epochs and equal on resume.
            step.run(rows, seed, (long) epoch * batches + done);
            LossResult result = step.loss();
            done++;
            guard.check(result.loss(), epoch + 1, done);
            tally.add(result);
            progress.update(done, tally.examples(), tally.meanLoss());
        }
        return tally;
    }

    @Override
    public void close() {
        try (loader; step) {
            // closed in reverse order by try-with-resources
        }
    }
}
