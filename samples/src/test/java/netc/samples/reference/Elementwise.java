package netc.samples.reference;

import java.util.function.DoubleUnaryOperator;

/**
 * The shape-keeping modules: PyTorch's {@code nn.ReLU}, {@code nn.Sigmoid}, {@code nn.Tanh}, and
 * {@code nn.Dropout} as the identity (eval semantics, as the fixtures record it). Each derivative is
 * written in terms of the output, as PyTorch's backward formulas are.
 */
final class Elementwise implements Module {
    private final DoubleUnaryOperator function;
    private final DoubleUnaryOperator derivativeFromOutput;
    private double[] output;

    private Elementwise(DoubleUnaryOperator function, DoubleUnaryOperator derivativeFromOutput) {
        this.function = function;
        this.derivativeFromOutput = derivativeFromOutput;
    }

    /** PyTorch passes the gradient where the output is positive, so 0 at exactly 0. */
    static Elementwise relu() {
        return new Elementwise(x -> x > 0 ? x : 0, y -> y > 0 ? 1 : 0);
    }

    static Elementwise sigmoid() {
        return new Elementwise(x -> 1 / (1 + Math.exp(-x)), y -> y * (1 - y));
    }

    static Elementwise tanh() {
        return new Elementwise(Math::tanh, y -> 1 - y * y);
    }

    static Elementwise dropoutAsIdentity() {
        return new Elementwise(x -> x, y -> 1);
    }

    @Override
    public Batch forward(Batch input) {
        double[] x = input.values();
        output = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            output[i] = function.applyAsDouble(x[i]);
        }
        return new Batch(output, input.shape());
    }

    @Override
    public Batch backward(Batch outputGradient) {
        double[] dy = outputGradient.values();
        double[] dx = new double[dy.length];
        for (int i = 0; i < dy.length; i++) {
            dx[i] = dy[i] * derivativeFromOutput.applyAsDouble(output[i]);
        }
        return new Batch(dx, outputGradient.shape());
    }
}
