package netc.samples.reference;

import java.util.Arrays;

/**
 * A batch of values in double precision with its PyTorch shape ({@code [N, C, H, W]} or {@code [N, F]}),
 * row-major, as the reference modules pass it from one to the next.
 */
record Batch(double[] values, int[] shape) {
    Batch {
        int count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
    }

    int batchSize() {
        return shape[0];
    }

    /** Values per example: everything after the batch dimension. */
    int exampleSize() {
        return values.length / shape[0];
    }
}
