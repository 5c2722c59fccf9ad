package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.uniform;

import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused dz and bias gradient of a dense layer against a double-precision reference. */
class BiasActivationGradientTest {
    /**
     * dz is one float product (relative error ~1e-7); the bias sums add at most 9 order-1 terms in
     * float32 (~1e-6 of the largest); 1e-5 leaves a margin while a wrong index or a slope applied twice
     * moves values by a sizeable fraction of them.
     */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @TestDevice private static Device device;

    record Case(int batch, int out, Activation activation) {}

    /** Outputs below one vector (the tail alone), whole vectors, and vectors plus a tail; batch 1 and more. */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, 7, Activation.RELU),
                new Case(3, 16, Activation.SIGMOID),
                new Case(5, 37, Activation.TANH),
                new Case(9, 37, Activation.RELU),
                new Case(2, 35, Activation.NONE),
                new Case(4, 1, Activation.SIGMOID));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dzAndBiasGradientMatchTheReference(Case c) {
        Random random = new Random(17L * c.out() + c.batch());
        int size = c.batch() * c.out();
        float[] dOut = uniform(random, size, 1);
        // A forward output in the activation's range; ReLU's includes zeros, where the slope is 0.
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = switch (c.activation()) {
                case RELU -> Math.max(0, random.nextFloat() * 2 - 1);
                case SIGMOID -> random.nextFloat();
                case TANH -> random.nextFloat() * 2 - 1;
                default -> random.nextFloat() * 4 - 2;
            };
        }
        double[] dz = new double[size];
        double[] dBias = new double[c.out()];
        for (int n = 0; n < c.batch(); n++) {
            for (int o = 0; o < c.out(); o++) {
                int i = n * c.out() + o;
                dz[i] = dOut[i] * slope(c.activation(), out[i]);
                dBias[o] += dz[i];
            }
        }
        try (Buffer dOutBuffer = Buffer.allocate(device, size);
             Buffer outBuffer = Buffer.allocate(device, size);
             Buffer dBiasBuffer = Buffer.allocate(device, c.out())) {
            dOutBuffer.write(dOut);
            outBuffer.write(out);
            new BiasActivationGradient(device, c.activation(), c.batch(), c.out()).run(dBiasBuffer, dOutBuffer, outBuffer);
            assertClose(dz, dOutBuffer.readFloats(0, size), RELATIVE_TOLERANCE, "dz");
            assertClose(dBias, dBiasBuffer.readFloats(0, c.out()), RELATIVE_TOLERANCE, "dBias");
        }
    }

    /** The slope at the output y, as activation.cl writes it. */
    private static double slope(Activation activation, double y) {
        return switch (activation) {
            case RELU -> y > 0 ? 1 : 0;
            case SIGMOID -> y * (1 - y);
            case TANH -> 1 - y * y;
            default -> 1;
        };
    }
}
