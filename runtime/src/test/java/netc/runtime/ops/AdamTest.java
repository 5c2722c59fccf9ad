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
import netc.runtime.reference.AdamReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adam and AdamW on the device against PyTorch's rule in double ({@link AdamReference}). */
class AdamTest {
    /**
     * Parameters start in [-1, 1], gradients are uniform in [-1, 1]. Each step moves a parameter by about
     * lr (at most ~3·lr), computed in float32 to a few ulp of the move plus one rounding of p (~6e-8 at
     * |p| ~ 1), so 8 steps stay below ~1e-6; a wrong rule (no bias correction moves the first step by
     * ~3·lr instead of lr, a lost weight decay by lr·wd·|p| >= 1e-4, a swapped beta far more) misses 1e-5.
     */
    private static final double PARAMETER_TOLERANCE = 1e-5;
    /** exp_avg holds averages of gradients in [-1, 1]: absolute float32 error ~1e-7 per step. */
    private static final double EXP_AVG_TOLERANCE = 1e-6;
    /** exp_avg_sq sums positive terms (no cancellation): relative float32 error ~1e-7 per step. */
    private static final double EXP_AVG_SQ_RELATIVE_TOLERANCE = 1e-5;
    private static final int STEPS = 8;
    /** Sizes hit a lone element, partial float4 vectors and several 16-float work-item chunks. */
    private static final int[][] SHAPES = {{1}, {7}, {6, 1, 3, 3}, {130}, {4, 33}};

    @TestDevice private static Device device;

    @ParameterizedTest(name = "lr {0}, betas ({1}, {2}), eps {3}, weight decay {4}, decoupled {5}")
    @CsvSource({
            "0.001, 0.9, 0.999, 1e-8, 0.0, false",  // PyTorch's Adam defaults
            "0.01, 0.9, 0.999, 1e-8, 0.01, true",   // PyTorch's AdamW defaults (but lr)
            "0.05, 0.9, 0.999, 1e-8, 0.1, false",   // Adam with an L2 term
            "0.02, 0.5, 0.9, 0.01, 0.0, false",     // betas and an epsilon large enough to count
            "0.03, 0.8, 0.99, 1e-3, 0.5, true"})
    void followsPyTorchsRuleOverSeveralSteps(float lr, double beta1, double beta2, double eps, float weightDecay,
                                            boolean decoupled) {
        Random random = new Random(Float.floatToIntBits(lr) * 31L + Double.hashCode(beta1) + (decoupled ? 1 : 0));
        List<Parameter> parameters = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<double[]> expAvg = new ArrayList<>();
        List<double[]> expAvgSq = new ArrayList<>();
        try {
            for (int[] shape : SHAPES) {
                Parameter parameter = new Parameter(device, "p" + parameters.size(), Parameter.Kind.WEIGHT, shape, 1, 1);
                float[] initial = TestArrays.uniform(random, (int) parameter.size(), -1, 1);
                parameter.value().upload(initial);
                parameters.add(parameter);
                values.add(TestArrays.toDouble(initial));
                expAvg.add(new double[initial.length]);
                expAvgSq.add(new double[initial.length]);
            }
            try (Adam adam = new Adam(device, parameters, lr, beta1, beta2, eps, weightDecay, decoupled)) {
                for (int step = 1; step <= STEPS; step++) {
                    for (int i = 0; i < parameters.size(); i++) {
                        float[] grad = TestArrays.uniform(random, values.get(i).length, -1, 1);
                        parameters.get(i).grad().upload(grad);
                        AdamReference.step(values.get(i), expAvg.get(i), expAvgSq.get(i), TestArrays.toDouble(grad),
                                step, lr, beta1, beta2, eps, weightDecay, decoupled);
                    }
                    adam.step();
                }
                assertEquals(STEPS, adam.steps());
                assertEquals(decoupled ? "adamw" : "adam", adam.kind());
                for (int i = 0; i < parameters.size(); i++) {
                    String name = parameters.get(i).name();
                    float[] value = parameters.get(i).value().download();
                    float[] m = adam.state().get(0).tensors().get(i).download();
                    float[] v = adam.state().get(1).tensors().get(i).download();
                    for (int j = 0; j < value.length; j++) {
                        double p = values.get(i)[j];
                        assertEquals(p, value[j], PARAMETER_TOLERANCE * Math.max(1, Math.abs(p)), name + "[" + j + "]");
                        assertEquals(expAvg.get(i)[j], m[j], EXP_AVG_TOLERANCE, name + ".exp_avg[" + j + "]");
                        double sq = expAvgSq.get(i)[j];
                        assertEquals(sq, v[j], EXP_AVG_SQ_RELATIVE_TOLERANCE * sq, name + ".exp_avg_sq[" + j + "]");
                    }
                }
            }
        } finally {
            parameters.forEach(Parameter::close);
        }
    }

    /**
     * Bias correction makes Adam's first step lr·g/(|g| + ε), i.e. lr against the gradient's sign whatever
     * its size (a property of the formula, independent of the reference code): 1e-3 and 10 move alike.
     */
    @Test
    void theFirstStepMovesEveryParameterByTheLearningRate() {
        float[] grads = {1e-3f, -10f, 0.5f, -2e-2f, 3f};
        try (Parameter parameter = new Parameter(device, "w", Parameter.Kind.WEIGHT, new int[] {grads.length}, 1, 1);
                Adam adam = new Adam(device, List.of(parameter), 0.01f, 0f, false)) {
            parameter.value().upload(new float[grads.length]);
            parameter.grad().upload(grads);
            adam.step();
            float[] moved = parameter.value().download();
            for (int i = 0; i < grads.length; i++) {
                assertEquals(-Math.signum(grads[i]) * 0.01f, moved[i], 1e-7, "element " + i);
            }
        }
    }

    /** A restored step count continues the bias correction where it was: step 3 after setSteps(2). */
    @Test
    void aRestoredStepCountContinuesTheBiasCorrection() {
        double[] value = {0.5};
        double[] m = {0.2};
        double[] v = {0.04};
        try (Parameter parameter = new Parameter(device, "w", Parameter.Kind.WEIGHT, new int[] {1}, 1, 1);
                Adam adam = new Adam(device, List.of(parameter), 0.1f, 0f, false)) {
            parameter.value().upload(new float[] {0.5f});
            adam.state().get(0).tensors().get(0).upload(new float[] {0.2f});
            adam.state().get(1).tensors().get(0).upload(new float[] {0.04f});
            parameter.grad().upload(new float[] {0.3f});
            adam.setSteps(2);
            adam.step();
            AdamReference.step(value, m, v, new double[] {0.3}, 3, 0.1f, Adam.BETA1, Adam.BETA2, Adam.EPSILON, 0, false);
            assertEquals(value[0], parameter.value().download()[0], 1e-6);
            assertEquals(3, adam.steps());
        }
    }

    @Test
    void impossibleHyperParametersAreRefusedNamingThem() {
        IllegalArgumentException beta = assertThrows(IllegalArgumentException.class,
                () -> new Adam(device, List.of(), 0.1f, 1.0, 0.999, 1e-8, 0f, false));
        assertTrue(beta.getMessage().startsWith("Adam: beta1 must be in [0, 1), got 1.0"), beta.getMessage());
        IllegalArgumentException eps = assertThrows(IllegalArgumentException.class,
                () -> new Adam(device, List.of(), 0.1f, 0.9, 0.999, 0, 0f, false));
        assertTrue(eps.getMessage().contains("epsilon"), eps.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Adam(device, List.of(), -0.1f, 0f, true));
    }
}
