package netc.runtime.ops;

import netc.runtime.cl.Defines;
import netc.runtime.model.Mode;

/**
 * The validated shape of one batch norm layer: {@code batch} examples of {@code channels} planes of
 * {@code spatial} values each ({@code H·W}, or 1 for {@code (N, F)} input), the element counts and
 * launch sizes, and the defines its kernels read.
 */
record BatchNormShape(String label, int batch, int channels, int spatial) {
    BatchNormShape {
        if (batch < 1 || channels < 1 || spatial < 1) {
            throw new IllegalArgumentException(label + ": batch, channels and spatial must be at least 1, got batch "
                    + batch + ", channels " + channels + ", spatial " + spatial + ".");
        }
        WorkItems.requireIntIndexable(label, (long) batch * channels * spatial);
    }

    /** The floats of an input or output tensor, {@code batch·channels·spatial}. */
    long size() {
        return (long) batch * channels * spatial;
    }

    /** The work-items of the elementwise passes, each owning {@link PlaneLanes#of} floats of one plane. */
    long vectors() {
        return size() / PlaneLanes.of(spatial);
    }

    /** Fails unless {@code rows} real examples fit the batch and, in training, give each channel two values. */
    void requireRows(int rows, Mode mode) {
        if (rows < 1 || rows > batch) {
            throw new IllegalArgumentException(label + ": rows = " + rows + " real examples, but the layer holds "
                    + batch + "; pass between 1 and " + batch + ".");
        }
        if (mode.usesBatchStatistics() && (long) rows * spatial < 2) {
            throw new IllegalArgumentException(label + ": training needs more than one value per channel for a"
                    + " variance (PyTorch's rule), but " + rows + " example(s) of " + spatial
                    + " value(s) give one; train with a larger batch or evaluate.");
        }
    }

    Defines defines(float epsilon, float momentum) {
        return Defines.of().set("N", batch).set("C", channels).set("SPATIAL", spatial)
                .set("VEC", PlaneLanes.of(spatial)).set("EPSILON", epsilon).set("MOMENTUM", momentum);
    }
}
