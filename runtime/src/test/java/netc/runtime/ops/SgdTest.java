package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import netc.runtime.reference.SgdReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SgdTest {
    /**
     * Parameters start in [-1, 1], gradients are in [-1, 1] and 6 steps of lr <= 0.5 keep values
     * below ~10: each float step rounds a few times at ~2^-24 · 10 ~ 6e-7 (fused or not, -cl-mad-enable
     * may fuse), so 6 steps stay well inside 1e-5; a wrong rule (missing decay, momentum or a step)
     * moves a value by >= lr · wd · |p| ~ 1e-4 or far more.
     */
    private static final double TOLERANCE = 1e-5;
    private static final int STEPS = 6;

    @TestDevice private static Device device;

    /**
     * Sizes hit a lone element, partial float4 vectors and several 16-float work-item chunks; nineteen
     * tensors fill one launch's {@value Sgd#GROUP_SIZE} slots and leave a second launch with unused slots.
     */
    private static final int[][] SHAPES = {{1}, {7}, {6, 1, 3, 3}, {130}, {4, 33}, {16}, {3}, {2, 2}, {17}, {64}, {5},
        {9}, {2, 5}, {33}, {4}, {1, 1}, {65}, {12}, {6}};

    @ParameterizedTest
    @CsvSource({"0.1, 0.9, 0.001, false", "0.5, 0.0, 0.01, false", "0.05, 0.5, 0.0, false", "0.3, 0.0, 0.0, false",
            "0.1, 0.9, 0.001, true", "0.05, 0.5, 0.0, true"})
    void followsPyTorchsRuleOverSeveralSteps(float lr, float momentum, float weightDecay, boolean nesterov) {
        Random random = new Random(Float.floatToIntBits(lr) ^ Float.floatToIntBits(momentum));
        List<Parameter> parameters = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<double[]> velocities = new ArrayList<>();
        try {
            for (int[] shape : SHAPES) {
                Parameter parameter = new Parameter(device, "p" + parameters.size(), Parameter.Kind.WEIGHT, shape, 1, 1);
                float[] initial = TestArrays.uniform(random, (int) parameter.size(), -1, 1);
                parameter.value().upload(initial);
                parameters.add(parameter);
                values.add(TestArrays.toDouble(initial));
                velocities.add(new double[initial.length]);
            }
            try (Sgd sgd = new Sgd(device, parameters, lr, momentum, weightDecay, nesterov)) {
                for (int step = 0; step < STEPS; step++) {
                    for (int i = 0; i < parameters.size(); i++) {
                        float[] grad = TestArrays.uniform(random, values.get(i).length, -1, 1);
                        parameters.get(i).grad().upload(grad);
                        SgdReference.step(values.get(i), velocities.get(i), TestArrays.toDouble(grad), lr, momentum,
                                weightDecay, nesterov);
                    }
                    sgd.step();
                }
                assertEquals(STEPS, sgd.steps());
                for (int i = 0; i < parameters.size(); i++) {
                    assertClose(values.get(i), parameters.get(i).value().download(), parameters.get(i) + " value");
                    assertClose(momentum != 0 ? velocities.get(i) : new double[values.get(i).length],
                            sgd.velocity(i).download(), parameters.get(i) + " velocity");
                }
            }
        } finally {
            parameters.forEach(Parameter::close);
        }
    }

    @Test
    void aNewLearningRateAppliesFromTheNextStep() {
        try (Parameter parameter = new Parameter(device, "w", Parameter.Kind.WEIGHT, new int[] {5}, 1, 1);
                Sgd sgd = new Sgd(device, List.of(parameter), 1.0f, 0.9f, 0f)) {
            parameter.value().upload(new float[] {0, 0, 0, 0, 0});
            parameter.grad().upload(new float[] {1, 1, 1, 1, 1});
            sgd.step(); // v = 1, p = -1
            sgd.setLearningRate(0.5f);
            sgd.step(); // v = 0.9 + 1 = 1.9, p = -1 - 0.95
            for (float value : parameter.value().download()) {
                assertEquals(-1.95f, value, 1e-6);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.setLearningRate(-1f));
            assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        }
    }

    /**
     * Nesterov's look-ahead: from p = 0, v = 0 and a constant gradient 1 at lr 1, momentum 0.5, the first
     * step gives v = 1 and p = -(1 + 0.5) = -1.5 where plain momentum gives -1; the second v = 1.5 and
     * p = -1.5 - (1 + 0.75) = -3.25 (plain: -2.5). Worked by hand from PyTorch's documented rule.
     */
    @Test
    void nesterovLooksAheadAlongTheVelocity() {
        try (Parameter parameter = new Parameter(device, "w", Parameter.Kind.WEIGHT, new int[] {9}, 1, 1);
                Sgd sgd = new Sgd(device, List.of(parameter), 1.0f, 0.5f, 0f, true)) {
            parameter.value().upload(new float[9]);
            parameter.grad().upload(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1});
            sgd.step();
            assertEquals(-1.5f, parameter.value().download()[8], 0f);
            sgd.step();
            for (float value : parameter.value().download()) {
                assertEquals(-3.25f, value, 0f);
            }
            assertEquals(1.5f, sgd.velocity(0).download()[0], 0f);
        }
    }

    @Test
    void nesterovWithoutMomentumIsRefusedSayingWhy() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sgd(device, List.of(), 0.1f, 0f, 0f, true));
        assertEquals("Sgd: Nesterov momentum needs a momentum above 0, got 0; set a momentum (e.g. 0.9) or turn"
                + " Nesterov off.", e.getMessage());
    }

    @Test
    void rejectsNegativeHyperParameters() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(device, List.of(), 0.1f, -0.5f, 0f));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(device, List.of(), 0.1f, 0f, Float.NaN));
    }

    private static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

}
