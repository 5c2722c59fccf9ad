package netc;

/** The nonlinearity a {@link Conv} or {@link Dense} layer applies to its output, fused into that layer. */
public enum Activation {
    /** The identity: the layer's output is its affine result. */
    NONE,
    /** {@code max(0, x)}. */
    RELU,
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH
}
