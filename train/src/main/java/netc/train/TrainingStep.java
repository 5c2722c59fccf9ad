package netc.train;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.LayerProbe;
import netc.runtime.model.Mode;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Optimizer;
import netc.runtime.ops.SoftmaxCrossEntropy;

/**
 * One training step on the batch in a model's input: forward pass, softmax cross-entropy against
 * {@link #labels()}, backward pass and the optimizer's update, enqueued in that order on the device's one
 * queue. The training loop, {@code netc bench} and {@code netc check} all run this class, so what is
 * timed and what is checked against PyTorch is the step that trains.
 *
 * <p>The mode is fixed when the step is built and must train: {@link Mode#TRAIN} (dropout masks keyed by
 * the seed and step number), or {@link Mode#TRAIN_WITHOUT_DROPOUT} to replay a step another framework
 * recorded, whose dropout masks cannot be drawn alike. Batch statistics are used in both.
 *
 * <p>{@link #run} is the whole step; {@link #forward}, {@link #backward} and {@link #update} are its three
 * phases, for a caller that looks at the results in between (the reference check compares the logits
 * before the backward pass and the gradients before the update). Only {@link #loss()} waits for the device.
 */
public final class TrainingStep implements AutoCloseable {
    /** What the probe is told after the loss (as forward work); the update is told as {@code (<optimizer kind>)}. */
    public static final String LOSS_PHASE = "(loss)";

    private final CompiledModel model;
    private final Optimizer optimizer;
    private final Mode mode;
    private final Buffer labels;
    private final SoftmaxCrossEntropy loss;
    private final Tensor dLogits;
    private final String updatePhase;
    private LayerProbe probe = LayerProbe.NONE;

    /** A step of {@code model} updated by {@code optimizer} (neither is closed with the step). */
    public TrainingStep(CompiledModel model, Optimizer optimizer, Mode mode) {
        if (!mode.usesBatchStatistics()) {
            throw new IllegalArgumentException("A training step needs a training mode (TRAIN, or TRAIN_WITHOUT_DROPOUT"
                    + " to replay a recorded step), got " + mode + "; evaluate with Evaluator instead.");
        }
        this.model = model;
        this.optimizer = optimizer;
        this.mode = mode;
        this.updatePhase = "(" + optimizer.kind() + ")";
        Device device = model.device();
        int batch = model.batchSize();
        int classes = model.info().outputs();
        Buffer labelBuffer = Buffer.allocate(device, batch);
        try {
            this.loss = new SoftmaxCrossEntropy(device, batch, classes);
        } catch (RuntimeException e) {
            labelBuffer.close();
            throw e;
        }
        this.labels = labelBuffer;
        this.dLogits = new Tensor(device, batch, classes);
    }

    /** The batch's classes, one per row of the model's input; the data loader writes them here. */
    public Buffer labels() {
        return labels;
    }

    public CompiledModel model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Told after the loss ({@value #LOSS_PHASE}, forward) and after the update ({@code (sgd)}, {@code (adam)}:
     * the optimizer's kind, backward); the model's own probe times its layers.
     */
    public void setProbe(LayerProbe probe) {
        this.probe = probe == null ? LayerProbe.NONE : probe;
    }

    /**
     * The whole step on the first {@code rows} examples of the input (the rest is padding of a last, partial
     * batch); dropout masks depend on ({@code seed}, {@code stepNumber}) only.
     */
    public void run(int rows, long seed, long stepNumber) {
        forward(rows, seed, stepNumber);
        backward();
        update();
    }

    /**
     * Forward pass and loss on the first {@code rows} examples: afterwards the model's logits and {@link #loss()}
     * are this batch's. Batch statistics (BatchNorm's) count those rows only, so a partial batch trains as
     * the smaller batch would.
     */
    public void forward(int rows, long seed, long stepNumber) {
        model.setRandomState(seed, stepNumber);
        model.setActiveRows(rows);
        model.forward(mode);
        loss.forward(dLogits, model.logits(), labels, rows);
        probe.after(LOSS_PHASE, false);
    }

    /** Back-propagates the loss: afterwards every parameter's gradient is this batch's. */
    public void backward() {
        model.backward(dLogits);
    }

    /** The optimizer's update of every parameter from its gradient. */
    public void update() {
        optimizer.step();
        probe.after(updatePhase, true);
    }

    /** The mean loss and the correct count of the last {@link #forward}; waits for the device. */
    public LossResult loss() {
        return loss.read();
    }

    @Override
    public void close() {
        try (labels; loss; dLogits) {
            // closed in reverse order by try-with-resources
        }
    }
}
