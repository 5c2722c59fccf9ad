package netc.samples.reference;

/**
 * PyTorch's {@code nn.CrossEntropyLoss()} (mean over the batch) on logits {@code [N, classes]}, with
 * its gradient {@code (softmax − onehot) / N}. The log-sum-exp subtracts each row's maximum first.
 */
final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {}

    static double loss(Batch logits, long[] labels) {
        return evaluate(logits, labels, null);
    }

    /** The loss's gradient with respect to the logits. */
    static Batch gradient(Batch logits, long[] labels) {
        double[] gradient = new double[logits.values().length];
        evaluate(logits, labels, gradient);
        return new Batch(gradient, logits.shape());
    }

    private static double evaluate(Batch logits, long[] labels, double[] gradient) {
        int batch = logits.batchSize();
        int classes = logits.exampleSize();
        double[] z = logits.values();
        double total = 0;
        for (int n = 0; n < batch; n++) {
            int row = n * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[row + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[row + c] - max);
            }
            int label = Math.toIntExact(labels[n]);
            total += max + Math.log(sum) - z[row + label];
            if (gradient != null) {
                for (int c = 0; c < classes; c++) {
                    double softmax = Math.exp(z[row + c] - max) / sum;
                    gradient[row + c] = (softmax - (c == label ? 1 : 0)) / batch;
                }
            }
        }
        return total / batch;
    }
}
