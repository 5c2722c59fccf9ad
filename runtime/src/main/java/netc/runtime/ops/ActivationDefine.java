package netc.runtime.ops;

import netc.Activation;

/** Names an {@link Activation} the way activation.cl's {@code ACTIVATION} define expects it. */
final class ActivationDefine {
    private ActivationDefine() {}

    static String of(Activation activation) {
        // Spelled out rather than derived from the enum's name, so renaming a constant cannot break kernels silently.
        return switch (activation) {
            case NONE -> "ACT_NONE";
            case RELU -> "ACT_RELU";
            case SIGMOID -> "ACT_SIGMOID";
            case TANH -> "ACT_TANH";
        };
    }
}
