package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * Softmax cross-entropy, the mean over the first {@code count} rows of a batch, with its gradient:
 * {@code dLogits[i] = (softmax(logits[i]) − onehot(label[i])) / count} for the counted rows and zero
 * for the others. Also counts the rows whose arg-max is the label. The result stays on the device
 * until {@link #read()}, the one read-back of a step.
 */
public final class SoftmaxCrossEntropy implements AutoCloseable {
    public SoftmaxCrossEntropy(Device device, int batch, int classes) {
        throw new UnsupportedOperationException("SoftmaxCrossEntropy: pending (issue #3)");
    }

    /** Enqueues loss, accuracy and {@code dLogits} for the first {@code count} rows; {@code labels} holds ints. */
    public void forward(Tensor dLogits, Tensor logits, Buffer labels, int count) {
        throw new UnsupportedOperationException();
    }

    /** Waits for and returns the last {@link #forward}'s loss and correct count. */
    public LossResult read() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
