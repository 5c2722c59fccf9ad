package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * Softmax cross-entropy, the mean over the first {@code count} rows of a batch, with its gradient:
 * {@code dLogits[i] = (softmax(logits[i]) − onehot(label[i])) / count} for the counted rows and zero
 * for the others. Also counts the rows whose arg-max is the label. The result stays on the device
 * until {@link #read()}, the one read-back of a step.
 *
 * <p>The kernel leaves a (loss, correct) pair per row on the device; {@link #read()} fetches the
 * counted pairs in one blocking read and sums them in double, so the mean does not depend on float
 * summation order.
 */
public final class SoftmaxCrossEntropy implements AutoCloseable {
    private final int batch;
    private final int classes;
    private final Kernel kernel;
    /** Per row: its loss, then 1 if classified right else 0. */
    private final Buffer rowResults;
    private int lastCount;

    public SoftmaxCrossEntropy(Device device, int batch, int classes) {
        if (batch < 1 || classes < 1) {
            throw new IllegalArgumentException("SoftmaxCrossEntropy: batch and classes must be at least 1, got "
                    + batch + " and " + classes + ".");
        }
        WorkItems.requireIntIndexable("SoftmaxCrossEntropy", (long) batch * classes);
        this.batch = batch;
        this.classes = classes;
        this.kernel = device.kernel("softmax_xent.cl", "softmax_xent",
                Defines.of().set("BATCH", batch).set("CLASSES", classes));
        this.rowResults = Buffer.allocate(device, 2L * batch);
    }

    /** Enqueues loss, accuracy and {@code dLogits} for the first {@code count} rows; {@code labels} holds ints. */
    public void forward(Tensor dLogits, Tensor logits, Buffer labels, int count) {
        if (count < 1 || count > batch) {
            throw new IllegalArgumentException("SoftmaxCrossEntropy.forward: count " + count
                    + " must be between 1 and the batch size " + batch + ".");
        }
        long size = (long) batch * classes;
        WorkItems.requireCapacity(dLogits, size, "SoftmaxCrossEntropy.forward", "dLogits");
        WorkItems.requireCapacity(logits, size, "SoftmaxCrossEntropy.forward", "logits");
        if (labels.elements() < count) {
            throw new IllegalArgumentException("SoftmaxCrossEntropy.forward: the labels buffer holds "
                    + labels.elements() + " ints but count is " + count + "; pass one label per counted row.");
        }
        kernel.launch(WorkItems.covering(batch), null, dLogits, rowResults, logits, labels, count);
        lastCount = count;
    }

    /** Waits for and returns the last {@link #forward}'s loss and correct count. */
    public LossResult read() {
        if (lastCount == 0) {
            throw new IllegalStateException("SoftmaxCrossEntropy.read: no forward pass to read; call forward first.");
        }
        float[] rows = rowResults.readFloats(0, 2 * lastCount);
        double lossSum = 0;
        int correct = 0;
        for (int row = 0; row < lastCount; row++) {
            lossSum += rows[2 * row];
            correct += rows[2 * row + 1] != 0f ? 1 : 0;
        }
        return new LossResult((float) (lossSum / lastCount), correct, lastCount);
    }

    @Override
    public void close() {
        rowResults.close();
    }
}
