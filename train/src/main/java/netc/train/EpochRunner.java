package netc.train;

import netc.data.NetworkInput;
import netc.data.TrainingData;
import netc.runtime.model.CompiledModel;
import netc.runtime.ops.Optimizer;

/**
 * Trains a model for one epoch at a time: on this machine ({@link TrainingLoop}), or data-parallel on
 * a cluster (netc-spark). {@link Trainer} runs everything around it (resuming, the learning rate
 * schedule, evaluation, metrics, checkpoints, early stopping) the same way for both, on the model it
 * passed in; a runner that trains elsewhere leaves that model holding the epoch's result.
 */
public interface EpochRunner extends AutoCloseable {
    /** The progress bar's units per epoch: batches, or rounds of synchronised batches. */
    int batchesPerEpoch();

    /**
     * Trains epoch {@code epoch} (0-based) at the optimizer's current learning rate and returns its
     * example-weighted loss and accuracy; its shuffle, augmentation and dropout masks depend on
     * (seed, epoch) only, so that a resumed run trains it alike.
     */
    EpochTally runEpoch(int epoch, ProgressReporter progress);

    @Override
    void close();

    /** Builds the runner of one training run. */
    @FunctionalInterface
    interface Factory {
        /** On this machine: netc's own loop over the batches. */
        Factory LOCAL = (model, optimizer, data, input, options, guard) -> new TrainingLoop(model, optimizer,
                data.train(), input, data.augmentation(), options.seed(), guard);

        /**
         * A runner that trains {@code model} (built for {@code options.batchSize()}) with {@code optimizer} on
         * {@code data.train()}, its images fed as {@code input} says and augmented as {@code data} says; the
         * loss of every step or round goes to {@code guard}.
         */
        EpochRunner create(CompiledModel model, Optimizer optimizer, TrainingData data, NetworkInput input,
                           TrainingOptions options, LossGuard guard);
    }
}
