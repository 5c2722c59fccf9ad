package netc.train;

import netc.runtime.ops.Adam;

/** The optimizers training can use, each with PyTorch's defaults for what is not given. */
public final class Optimizers {
    /** PyTorch's AdamW default weight decay. */
    public static final double ADAMW_WEIGHT_DECAY = 1e-2;
    /** PyTorch's Adam and AdamW default learning rate. */
    public static final double ADAM_LEARNING_RATE = 1e-3;

    private Optimizers() {}

    /** Plain SGD at {@code learningRate}: no momentum, no weight decay; add them with the returned record's methods. */
    public static SgdSettings sgd(double learningRate) {
        return new SgdSettings(learningRate, 0, false, 0);
    }

    /** Adam at {@code learningRate}, betas (0.9, 0.999), epsilon 1e-8, no weight decay. */
    public static AdamSettings adam(double learningRate) {
        return new AdamSettings(learningRate, Adam.BETA1, Adam.BETA2, Adam.EPSILON, 0, false);
    }

    /** Adam with PyTorch's default rate, 0.001. */
    public static AdamSettings adam() {
        return adam(ADAM_LEARNING_RATE);
    }

    /** AdamW at {@code learningRate}, betas (0.9, 0.999), epsilon 1e-8, weight decay 0.01. */
    public static AdamSettings adamW(double learningRate) {
        return new AdamSettings(learningRate, Adam.BETA1, Adam.BETA2, Adam.EPSILON, ADAMW_WEIGHT_DECAY, true);
    }

    /** AdamW with PyTorch's default rate, 0.001. */
    public static AdamSettings adamW() {
        return adamW(ADAM_LEARNING_RATE);
    }
}
