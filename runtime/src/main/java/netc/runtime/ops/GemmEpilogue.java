package netc.runtime.ops;

import netc.Activation;

/**
 * What a {@link Gemm} does to each finished element of C before storing it, fused into the same
 * kernel: add a bias (one value per row or per column of C), then apply an activation. With
 * {@code accumulate} the old C is added first: {@code C = activation(C + op(A)·op(B) + bias)}.
 */
public record GemmEpilogue(Bias bias, Activation activation) {
    /** Where the bias vector goes: nowhere, one value per row of C (length m), or per column (length n). */
    public enum Bias {
        NONE,
        PER_ROW,
        PER_COLUMN
    }

    /** The plain product: no bias, no activation. */
    public static final GemmEpilogue NONE = new GemmEpilogue(Bias.NONE, Activation.NONE);

    public GemmEpilogue {
        if (bias == null || activation == null) {
            throw new IllegalArgumentException("GemmEpilogue needs a bias mode and an activation; use Bias.NONE"
                    + " and Activation.NONE for none.");
        }
    }

    /** The bias's length for {@code shape}: m per row, n per column, 0 without bias. */
    long biasLength(GemmShape shape) {
        return switch (bias) {
            case NONE -> 0;
            case PER_ROW -> shape.m();
            case PER_COLUMN -> shape.n();
        };
    }

    /** The BIAS and ACTIVATION values gemm.cl is built with (the enums' ordinals, as the kernel documents). */
    int biasDefine() {
        return bias.ordinal();
    }

    int activationDefine() {
        return activation.ordinal();
    }
}
