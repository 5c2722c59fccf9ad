package netc;

/** How a {@link Block} combines the paths its layers form. */
public enum Join {
    /** The layers run one after another, as in a {@link Network}: {@code y = fₙ(…f₁(x))}. */
    CHAIN,
    /**
     * A residual: {@code y = body(x) + shortcut(x)}. The body is every layer not marked
     * {@link Shortcut}; the shortcut is the layers marked {@link Shortcut}, in order, or the identity
     * when there are none. Both must yield the same shape.
     */
    ADD,
    /**
     * Parallel branches concatenated on channels, as d2l's Inception: every layer carries
     * {@link Branch}; the layers of one branch run in order on the block's input, and the branches'
     * outputs, in increasing branch number, are concatenated. All must agree in height and width.
     */
    CONCAT,
    /**
     * The block's input followed by its layers' output, concatenated on channels:
     * {@code y = cat(x, body(x))}, one step of d2l's DenseBlock. Height and width must be kept.
     */
    CONCAT_INPUT
}
