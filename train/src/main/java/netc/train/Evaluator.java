package netc.train;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.ImageDataset;
import netc.data.Normalization;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.SoftmaxCrossEntropy;

/**
 * Measures a model on a dataset in evaluation mode (dropout off, no augmentation), in order, with the
 * same loss op as training so that "correct" means the same thing in both.
 */
public final class Evaluator implements AutoCloseable {
    private final CompiledModel model;
    private final BatchLoader loader;
    private final Buffer labels;
    private final SoftmaxCrossEntropy loss;
    private final Tensor unusedGradient;

    /** Images fed in [0, 1], unnormalised. */
    public Evaluator(CompiledModel model, ImageDataset data) {
        this(model, data, Normalization.NONE);
    }

    /** Images normalised as in training ({@code normalization}, which may be none). */
    public Evaluator(CompiledModel model, ImageDataset data, Normalization normalization) {
        this.model = model;
        Device device = model.device();
        NetworkInfo info = model.info();
        int batch = model.batchSize();
        this.loader = new BatchLoader(device, data, batch, DataCompatibility.input(info, normalization), false, 0L,
                Augmentation.NONE);
        this.labels = Buffer.allocate(device, batch);
        this.loss = new SoftmaxCrossEntropy(device, batch, info.outputs());
        // The loss op always writes its gradient; evaluation has no use for it.
        this.unusedGradient = new Tensor(device, batch, info.outputs());
    }

    /** Runs the whole dataset once; the tally holds the mean loss and the accuracy. */
    public EpochTally evaluate() {
        EpochTally tally = new EpochTally();
        loader.startEpoch(0);
        int rows;
        while ((rows = loader.next(model.input(), labels)) > 0) {
            model.setActiveRows(rows);
            model.forward(Mode.EVAL);
            loss.forward(unusedGradient, model.logits(), labels, rows);
            tally.add(loss.read());
        }
        return tally;
    }

    @Override
    public void close() {
        try (loader; labels; loss; unusedGradient) {
            // closed in reverse order by try-with-resources
        }
    }
}
