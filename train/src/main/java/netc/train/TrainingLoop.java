package netc.train;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.ImageDataset;
import netc.data.NetworkInput;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Sgd;
import netc.runtime.ops.SoftmaxCrossEntropy;

/**
 * One epoch of mini-batch SGD at a time, as d2l's {@code train_ch6} inner loop. Everything a step does
 * is enqueued on the device's one queue; reading the loss back is the step's only wait.
 */
final class TrainingLoop implements AutoCloseable {
    private final CompiledModel model;
    private final Sgd optimizer;
    private final long seed;
    private final LossGuard guard;
    private final BatchLoader loader;
    private final Buffer labels;
    private final SoftmaxCrossEntropy loss;
    private final Tensor dLogits;

    /** Trains on {@code data}, fed to the model as {@code input} says, each image augmented unless {@code augmentation} is none. */
    TrainingLoop(CompiledModel model, Sgd optimizer, ImageDataset data, NetworkInput input, Augmentation augmentation,
                 long seed, LossGuard guard) {
        this.model = model;
        this.optimizer = optimizer;
        this.seed = seed;
        this.guard = guard;
        Device device = model.device();
        NetworkInfo info = model.info();
        int batch = model.batchSize();
        this.loader = new BatchLoader(device, data, batch, input, true, seed, augmentation);
        this.labels = Buffer.allocate(device, batch);
        this.loss = new SoftmaxCrossEntropy(device, batch, info.outputs());
        this.dLogits = new Tensor(device, batch, info.outputs());
    }

    int batchesPerEpoch() {
        return loader.batchesPerEpoch();
    }

    /** Trains one epoch ({@code epoch} 0-based); its shuffle, augmentation and dropout masks depend on (seed, epoch) only. */
    EpochTally runEpoch(int epoch, ProgressReporter progress) {
        EpochTally tally = new EpochTally();
        loader.startEpoch(epoch);
        int batches = loader.batchesPerEpoch();
        int step = 0;
        int rows;
        while ((rows = loader.next(model.input(), labels)) > 0) {
            // A global step number keeps dropout masks distinct across epochs and equal on resume.
            model.setRandomState(seed, (long) epoch * batches + step);
            model.setActiveRows(rows); // a partial last batch: batch statistics count its rows only
            model.forward(Mode.TRAIN);
            loss.forward(dLogits, model.logits(), labels, rows);
            model.backward(dLogits);
            optimizer.step();
            LossResult result = loss.read();
            step++;
            guard.check(result.loss(), epoch + 1, step);
            tally.add(result);
            progress.update(step, tally.examples(), tally.meanLoss());
        }
        return tally;
    }

    @Override
    public void close() {
        try (loader; labels; loss; dLogits) {
            // closed in reverse order by try-with-resources
        }
    }
}
