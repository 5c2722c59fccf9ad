package netc.runtime.ops;

/**
 * Plain-Java batch normalisation in double, written from PyTorch's definition ({@code (N, C, S)}
 * row-major, statistics per channel over the first {@code rows} examples): the oracle for
 * {@link BatchNorm}.
 */
final class BatchNormReference {
    /** Per channel: the batch mean and the biased variance. */
    record Statistics(double[] mean, double[] variance) {}

    /** The gradients of a training forward pass: dx (zero for padded examples), dgamma, dbeta. */
    record Gradients(double[] dInput, double[] dGamma, double[] dBeta) {}

    private final int channels;
    private final int spatial;
    private final int rows;

    /** {@code rows} real examples of {@code channels} planes of {@code spatial} values. */
    BatchNormReference(int channels, int spatial, int rows) {
        this.channels = channels;
        this.spatial = spatial;
        this.rows = rows;
    }

    /** The number of values each channel's statistics cover. */
    int count() {
        return rows * spatial;
    }

    private int at(int n, int c, int s) {
        return (n * channels + c) * spatial + s;
    }

    Statistics statistics(double[] x) {
        double[] mean = new double[channels];
        double[] variance = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int n = 0; n < rows; n++) {
                for (int s = 0; s < spatial; s++) {
                    sum += x[at(n, c, s)];
                }
            }
            mean[c] = sum / count();
            double squares = 0;
            for (int n = 0; n < rows; n++) {
                for (int s = 0; s < spatial; s++) {
                    double d = x[at(n, c, s)] - mean[c];
                    squares += d * d;
                }
            }
            variance[c] = squares / count();
        }
        return new Statistics(mean, variance);
    }

    /** {@code y = gamma·(x − mean)/sqrt(var + eps) + beta} for the first {@code rows} examples (the rest 0). */
    double[] normalize(double[] x, double[] gamma, double[] beta, double[] mean, double[] variance) {
        double[] y = new double[x.length];
        for (int n = 0; n < rows; n++) {
            for (int c = 0; c < channels; c++) {
                double invstd = 1 / Math.sqrt(variance[c] + BatchNorm.EPSILON);
                for (int s = 0; s < spatial; s++) {
                    y[at(n, c, s)] = gamma[c] * (x[at(n, c, s)] - mean[c]) * invstd + beta[c];
                }
            }
        }
        return y;
    }

    double[] trainForward(double[] x, double[] gamma, double[] beta) {
        Statistics stats = statistics(x);
        return normalize(x, gamma, beta, stats.mean(), stats.variance());
    }

    /** PyTorch's running-statistics step, in place, from the batch {@code x}. */
    void updateRunning(double[] runningMean, double[] runningVar, double[] x) {
        Statistics stats = statistics(x);
        double m = BatchNorm.MOMENTUM;
        for (int c = 0; c < channels; c++) {
            runningMean[c] = (1 - m) * runningMean[c] + m * stats.mean()[c];
            runningVar[c] = (1 - m) * runningVar[c] + m * stats.variance()[c] * count() / (count() - 1);
        }
    }

    /** The textbook gradients of a training forward pass, with {@code x̂ = (x − mean)/sqrt(var + eps)}. */
    Gradients backward(double[] dy, double[] x, double[] gamma) {
        Statistics stats = statistics(x);
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        double[] dx = new double[x.length];
        for (int c = 0; c < channels; c++) {
            double invstd = 1 / Math.sqrt(stats.variance()[c] + BatchNorm.EPSILON);
            for (int n = 0; n < rows; n++) {
                for (int s = 0; s < spatial; s++) {
                    int i = at(n, c, s);
                    dBeta[c] += dy[i];
                    dGamma[c] += dy[i] * (x[i] - stats.mean()[c]) * invstd;
                }
            }
            for (int n = 0; n < rows; n++) {
                for (int s = 0; s < spatial; s++) {
                    int i = at(n, c, s);
                    double xHat = (x[i] - stats.mean()[c]) * invstd;
                    dx[i] = gamma[c] * invstd / count() * (count() * dy[i] - dBeta[c] - xHat * dGamma[c]);
                }
            }
        }
        return new Gradients(dx, dGamma, dBeta);
    }
}
