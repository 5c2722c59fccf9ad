package netc.runtime.io;

/** What loading weights does with tensors in the file that no parameter takes. */
public enum ExtraTensors {
    /** Each is listed as a problem: the file is meant to hold exactly the model's parameters. */
    REFUSE,
    /**
     * They are skipped: for files that carry more than weights, such as the PyTorch reference fixtures
     * with their inputs, logits and gradients beside the parameters.
     */
    IGNORE
}
