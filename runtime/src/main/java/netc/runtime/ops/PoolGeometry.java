package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * The validated shape of one pooling layer (square windows, floor mode), shared by {@link MaxPool2d}
 * and {@link AvgPool2d}: output size, element counts and the kernel defines come from here only.
 */
record PoolGeometry(String op, int batch, int channels, int inHeight, int inWidth, int kernel, int stride, int padding) {
    PoolGeometry {
        requirePositive(op, "batch", batch);
        requirePositive(op, "channels", channels);
        requirePositive(op, "input height", inHeight);
        requirePositive(op, "input width", inWidth);
        requirePositive(op, "kernel", kernel);
        requirePositive(op, "stride", stride);
        if (padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException(op + ": padding " + padding + " must be between 0 and half the kernel ("
                    + kernel / 2 + " for kernel " + kernel + "), as PyTorch requires; lower the padding.");
        }
        if (Math.min(inHeight, inWidth) + 2 * padding < kernel) {
            throw new IllegalArgumentException(op + ": a " + kernel + "x" + kernel + " window does not fit the "
                    + inHeight + "x" + inWidth + " input with padding " + padding
                    + "; use a smaller kernel or more padding.");
        }
        WorkItems.requireIntIndexable(op, (long) batch * channels * inHeight * inWidth);
    }

    private static void requirePositive(String op, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(op + ": " + what + " must be at least 1, got " + value + ".");
        }
    }

    int outHeight() {
        return (inHeight + 2 * padding - kernel) / stride + 1;
    }

    int outWidth() {
        return (inWidth + 2 * padding - kernel) / stride + 1;
    }

    long inputSize() {
        return (long) batch * channels * inHeight * inWidth;
    }

    long outputSize() {
        return (long) batch * channels * outHeight() * outWidth();
    }

    /** The number of output rows, one per (n, c, oh): the forward kernels' work-items. */
    long outputRows() {
        return (long) batch * channels * outHeight();
    }

    /** The number of input rows, one per (n, c, h): the gather-form backward kernels' work-items. */
    long inputRows() {
        return (long) batch * channels * inHeight;
    }

    /** The number of (n, c) planes: the scatter-form backward kernels' work-items, each owning one plane. */
    long planes() {
        return (long) batch * channels;
    }

    /** The shape defines both pooling kernels read (their output size is derived in the kernel). */
    Defines defines() {
        return Defines.of().set("N", batch).set("C", channels).set("IN_H", inHeight).set("IN_W", inWidth)
                .set("KERNEL", kernel).set("STRIDE", stride).set("PADDING", padding);
    }
}
