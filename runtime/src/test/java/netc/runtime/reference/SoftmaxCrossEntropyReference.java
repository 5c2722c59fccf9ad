package netc.runtime.reference;

/**
 * Softmax cross-entropy, the mean over the first {@code count} rows of logits {@code (batch, classes)}
 * (PyTorch's {@code CrossEntropyLoss} when {@code count} is the batch), with its gradient; the
 * log-sum-exp subtracts each row's maximum first.
 */
public final class SoftmaxCrossEntropyReference {
    private SoftmaxCrossEntropyReference() {}

    /** The mean over the first {@code count} rows of {@code log(sum_j exp(x_j)) - x_label}. */
    public static double loss(double[] logits, int[] labels, int classes, int count) {
        double sum = 0;
        for (int row = 0; row < count; row++) {
            double max = max(logits, row, classes);
            double exps = 0;
            for (int j = 0; j < classes; j++) {
                exps += Math.exp(logits[row * classes + j] - max);
            }
            sum += Math.log(exps) + max - logits[row * classes + labels[row]];
        }
        return sum / count;
    }

    /** {@code (softmax - onehot) / count} for the first {@code count} rows, zero for the rest. */
    public static double[] gradient(double[] logits, int[] labels, int classes, int batch, int count) {
        double[] gradient = new double[batch * classes];
        for (int row = 0; row < count; row++) {
            double max = max(logits, row, classes);
            double exps = 0;
            for (int j = 0; j < classes; j++) {
                exps += Math.exp(logits[row * classes + j] - max);
            }
            for (int j = 0; j < classes; j++) {
                double softmax = Math.exp(logits[row * classes + j] - max) / exps;
                gradient[row * classes + j] = (softmax - (j == labels[row] ? 1 : 0)) / count;
            }
        }
        return gradient;
    }

    /** Rows among the first {@code count} whose first arg-max (as torch.argmax) is the label. */
    public static int correct(double[] logits, int[] labels, int classes, int count) {
        int correct = 0;
        for (int row = 0; row < count; row++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (logits[row * classes + j] > logits[row * classes + best]) {
                    best = j;
                }
            }
            correct += best == labels[row] ? 1 : 0;
        }
        return correct;
    }

    private static double max(double[] logits, int row, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, logits[row * classes + j]);
        }
        return max;
    }
}
