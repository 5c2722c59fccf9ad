package netc.samples.reference;

import netc.Activation;
import netc.runtime.reference.Activations;

/**
 * The shape-keeping modules: PyTorch's {@code nn.ReLU}, {@code nn.Sigmoid}, {@code nn.Tanh}, and
 * {@code nn.Dropout} as the identity (eval semantics, as the fixtures record it), computed by
 * {@link Activations}, which writes each derivative in terms of the output as PyTorch does.
 */
final class Elementwise implements Module {
    private final Activation activation;
    private double[] output;

    private Elementwise(Activation activation) {
        this.activation = activation;
    }

    static Elementwise relu() {
        return new Elementwise(Activation.RELU);
    }

    static Elementwise sigmoid() {
        return new Elementwise(Activation.SIGMOID);
    }

    static Elementwise tanh() {
        return new Elementwise(Activation.TANH);
    }

    static Elementwise dropoutAsIdentity() {
        return new Elementwise(Activation.NONE);
    }

    @Override
    public Batch forward(Batch input) {
        double[] x = input.values();
        output = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            output[i] = Activations.activate(activation, x[i]);
        }
        return new Batch(output, input.shape());
    }

    @Override
    public Batch backward(Batch outputGradient) {
        double[] dy = outputGradient.values();
        double[] dx = new double[dy.length];
        for (int i = 0; i < dy.length; i++) {
            dx[i] = dy[i] * Activations.slope(activation, output[i]);
        }
        return new Batch(dx, outputGradient.shape());
    }
}
