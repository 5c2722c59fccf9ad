package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.toDouble;

import java.util.function.DoubleSupplier;
import netc.Activation;
import netc.runtime.reference.ConvReference;
import netc.runtime.reference.ConvShape;

/**
 * What every convolution op's test needs of the plain-Java reference: its view of an op's geometry, and the
 * check that its gradients are those of its own forward. The ops are compared with the reference; this
 * check is what lets the reference be trusted for each test's shapes and activation.
 */
final class ConvReferenceCheck {
    private ConvReferenceCheck() {}

    /** The reference's view of the op's geometry. */
    static ConvShape shape(ConvGeometry g) {
        return new ConvShape(g.batch(), g.inChannels(), g.inHeight(), g.inWidth(), g.outChannels(), g.kernel(),
                g.stride(), g.padding());
    }

    /**
     * The reference's input, weight and bias gradients against central finite differences of its forward
     * ({@link GradientCheck}), for the loss {@code Σ output ⊙ probe}, whose gradient at the output is {@code probe}.
     */
    static void gradientsMatchFiniteDifferences(ConvGeometry g, float[] inputValues, float[] weightValues,
                                                float[] biasValues, float[] probeValues, Activation activation) {
        double[] input = toDouble(inputValues);
        double[] weight = toDouble(weightValues);
        double[] bias = toDouble(biasValues);
        double[] probe = toDouble(probeValues);
        ConvShape shape = shape(g);
        double[] output = new double[probe.length];
        ConvReference.forward(output, input, weight, bias, shape, activation);
        double[] dInput = new double[input.length];
        double[] dWeight = new double[weight.length];
        double[] dBias = new double[bias.length];
        ConvReference.backward(dInput, dWeight, dBias, probe, input, weight, output, shape, activation);
        DoubleSupplier loss = () -> {
            double[] out = new double[probe.length];
            ConvReference.forward(out, input, weight, bias, shape, activation);
            return GradientCheck.dot(out, probe);
        };
        GradientCheck.check(dInput, input, loss, "dInput");
        GradientCheck.check(dWeight, weight, loss, "dWeight");
        GradientCheck.check(dBias, bias, loss, "dBias");
    }
}
