package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GemmEpilogueTest {
    private static Device device;

    @BeforeAll
    static void open() {
        device = Device.open();
    }

    @AfterAll
    static void close() {
        device.close();
    }

    /**
     * Every bias mode and activation, on both kernels (NN and TT through gemm_outer, whose TT stores
     * transposed; NT through gemm_dot), with edges in both dimensions and accumulate on some.
     */
    @Test
    void fusesBiasAndActivationIntoEveryKernel() {
        for (GemmEpilogue.Bias bias : GemmEpilogue.Bias.values()) {
            for (Activation activation : Activation.values()) {
                int variant = bias.ordinal() * 4 + activation.ordinal();
                boolean transA = variant % 3 == 2;
                boolean transB = variant % 3 != 0;
                GemmShape shape = new GemmShape(transA, transB, 19, 21, 9, variant % 2 == 1);
                check(shape, new GemmEpilogue(bias, activation), 3, 1);
            }
        }
    }

    @Test
    void aBiasMustBePassedExactlyWhenTheEpilogueHasOne() {
        GemmShape shape = new GemmShape(false, false, 2, 3, 4, false);
        try (Buffer c = Buffer.allocate(device, 6); Buffer a = Buffer.allocate(device, 8);
                Buffer b = Buffer.allocate(device, 12); Buffer bias = Buffer.allocate(device, 2);
                Gemm withBias = new Gemm(device, shape, new GemmEpilogue(GemmEpilogue.Bias.PER_COLUMN,
                        Activation.RELU));
                Gemm without = new Gemm(device, shape)) {
            assertThrows(IllegalStateException.class, () -> withBias.run(c, 0, a, 0, b, 0));
            assertThrows(IllegalStateException.class, () -> without.run(c, 0, a, 0, b, 0, bias, 0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> withBias.run(c, 0, a, 0, b, 0, bias, 0)); // 3 columns need 3 bias values
            assertTrue(e.getMessage().contains("bias"), e.getMessage());
        }
    }

    private static void check(GemmShape shape, GemmEpilogue epilogue, int cOffset, int biasOffset) {
        Random random = new Random(31 * shape.hashCode() + epilogue.hashCode());
        int m = shape.m(), n = shape.n(), k = shape.k();
        float[] a = randoms(random, m * k);
        float[] b = randoms(random, k * n);
        float[] c = randoms(random, cOffset + m * n);
        float[] bias = randoms(random, biasOffset + (int) Math.max(1, epilogue.biasLength(shape)));
        try (Buffer cBuffer = Buffer.allocate(device, c.length); Buffer aBuffer = Buffer.allocate(device, a.length);
                Buffer bBuffer = Buffer.allocate(device, b.length);
                Buffer biasBuffer = Buffer.allocate(device, bias.length);
                Gemm gemm = new Gemm(device, shape, epilogue)) {
            aBuffer.write(a);
            bBuffer.write(b);
            cBuffer.write(c);
            biasBuffer.write(bias);
            if (epilogue.bias() == GemmEpilogue.Bias.NONE) {
                gemm.run(cBuffer, cOffset, aBuffer, 0, bBuffer, 0);
            } else {
                gemm.run(cBuffer, cOffset, aBuffer, 0, bBuffer, 0, biasBuffer, biasOffset);
            }
            float[] got = cBuffer.readFloats(cOffset, m * n);
            double[] magnitude = new double[m * n];
            double[] sums = GemmReference.product(shape, c, cOffset, a, 0, b, 0, magnitude);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double biasValue = switch (epilogue.bias()) {
                        case NONE -> 0;
                        case PER_ROW -> bias[biasOffset + i];
                        case PER_COLUMN -> bias[biasOffset + j];
                    };
                    double want = activate(epilogue.activation(), sums[i * n + j] + biasValue);
                    // The activations are 1-Lipschitz, so the product's rounding bound (as in GemmTest,
                    // plus the bias) carries through; 1e-6 covers exp/tanh's few-ulp error near 1.
                    double tolerance = 2 * (k + 2) * Math.ulp(1f) * (magnitude[i * n + j] + Math.abs(biasValue))
                            + 1e-6;
                    assertEquals(want, got[i * n + j], tolerance,
                            shape + " " + epilogue + ": C[" + i + "][" + j + "]");
                }
            }
        }
    }

    private static double activate(Activation activation, double x) {
        return switch (activation) {
            case NONE -> x;
            case RELU -> Math.max(0, x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
        };
    }

    private static float[] randoms(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
