package netc.runtime.reference;

import netc.Activation;

/** The activations of {@link Activation} and their slopes, in double, as PyTorch defines them. */
public final class Activations {
    private Activations() {}

    public static double activate(Activation activation, double z) {
        return switch (activation) {
            case NONE -> z;
            case RELU -> Math.max(z, 0.0);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case TANH -> Math.tanh(z);
        };
    }

    /**
     * The derivative at the pre-activation whose output is {@code y}, written in terms of the output as
     * PyTorch's backward formulas are; ReLU passes the gradient where {@code y > 0}, so not at exactly 0.
     */
    public static double slope(Activation activation, double y) {
        return switch (activation) {
            case NONE -> 1.0;
            case RELU -> y > 0 ? 1.0 : 0.0;
            case SIGMOID -> y * (1.0 - y);
            case TANH -> 1.0 - y * y;
        };
    }

    /**
     * {@code dz = dOutput · slope(output)} elementwise: the gradient before the activation; without an
     * activation {@code dOutput} itself, and {@code output} may then be null.
     */
    static double[] preActivationGradient(Activation activation, double[] dOutput, double[] output) {
        if (activation == Activation.NONE) {
            return dOutput;
        }
        double[] dz = new double[dOutput.length];
        for (int i = 0; i < dz.length; i++) {
            dz[i] = dOutput[i] * slope(activation, output[i]);
        }
        return dz;
    }
}
