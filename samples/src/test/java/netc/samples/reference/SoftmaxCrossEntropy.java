package netc.samples.reference;

import netc.runtime.reference.SoftmaxCrossEntropyReference;

/**
 * PyTorch's {@code nn.CrossEntropyLoss()} (mean over the batch) on logits {@code [N, classes]} and its
 * gradient {@code (softmax − onehot) / N}, computed by {@link SoftmaxCrossEntropyReference}.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    static double loss(Batch logits, long[] labels) {
        return SoftmaxCrossEntropyReference.loss(logits.values(), ints(labels), logits.exampleSize(), logits.batchSize());
    }

    /** The loss's gradient with respect to the logits. */
    static Batch gradient(Batch logits, long[] labels) {
        return new Batch(SoftmaxCrossEntropyReference.gradient(logits.values(), ints(labels), logits.exampleSize(),
                logits.batchSize(), logits.batchSize()), logits.shape());
    }

    private static int[] ints(long[] labels) {
        int[] ints = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ints[i] = Math.toIntExact(labels[i]);
        }
        return ints;
    }
}
