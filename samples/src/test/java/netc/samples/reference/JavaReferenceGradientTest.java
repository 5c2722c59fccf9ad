package netc.samples.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reference's backward pass against central differences of its own loss, on a small network with
 * what the LeNet fixtures do not exercise but AlexNet needs: stride > 1 with padding, overlapping max
 * pooling, padding larger than needed, tanh, and dropout as the identity.
 */
class JavaReferenceGradientTest {
    /**
     * Step 1e-3 on float32 parameters: the quotient divides by the step actually taken (the two
     * perturbed float32 values' difference), so float rounding of the step costs nothing, and the
     * remaining error is the O(h²) truncation, ~1e-6 relative on these smooth layers.
     */
    private static final float STEP = 1e-3f;
    /** Truncation plus float32 input rounding stay below 1e-4 of the gradient's scale; a wrong index errs by ~1. */
    private static final double TOLERANCE = 1e-4;
    private static final int SAMPLES_PER_TENSOR = 12;

    @Test
    void gradientsMatchCentralDifferences() {
        Random random = new Random(7);
        Sequential network = new Sequential(
                new Conv2d(2, 4, 3, 2, 1), Elementwise.tanh(), new MaxPool2d(3, 2),
                new Conv2d(4, 5, 3, 1, 2), Elementwise.sigmoid(), new AvgPool2d(2, 2),
                new Flatten(),
                new Linear(20, 8), Elementwise.relu(), Elementwise.dropoutAsIdentity(),
                new Linear(8, 3));
        RandomInit.xavierUniform(network, random);
        int[] inputShape = {2, 2, 11, 11};
        Batch input = new Batch(RecordedStep.toDoubles(RandomInit.uniformInput(2 * 2 * 11 * 11, random)), inputShape);
        long[] labels = {2, 0};

        Batch logits = network.forward(input);
        network.backward(SoftmaxCrossEntropy.gradient(logits, labels));

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, ReferenceParameter> entry : network.namedParameters().entrySet()) {
            ReferenceParameter parameter = entry.getValue();
            double scale = 0;
            for (double g : parameter.grad()) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int sample = 0; sample < SAMPLES_PER_TENSOR; sample++) {
                int i = random.nextInt(parameter.value().length);
                double numeric = centralDifference(network, parameter, i, input, labels);
                double error = Math.abs(numeric - parameter.grad()[i]);
                if (error > TOLERANCE * scale) {
                    failures.add(entry.getKey() + "[" + i + "]: backward " + parameter.grad()[i] + ", numeric " + numeric);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static double centralDifference(Sequential network, ReferenceParameter parameter, int i, Batch input,
                                            long[] labels) {
        float original = parameter.value()[i];
        float up = original + STEP;
        float down = original - STEP;
        parameter.value()[i] = up;
        double lossUp = SoftmaxCrossEntropy.loss(network.forward(input), labels);
        parameter.value()[i] = down;
        double lossDown = SoftmaxCrossEntropy.loss(network.forward(input), labels);
        parameter.value()[i] = original;
        return (lossUp - lossDown) / ((double) up - down);
    }
}
