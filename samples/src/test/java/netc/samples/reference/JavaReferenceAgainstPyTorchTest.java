package netc.samples.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.samples.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java reference against PyTorch's recorded steps on both LeNet fixtures: same weights and
 * batch, every recorded tensor compared. This is what lets the AlexNet test trust the reference.
 */
class JavaReferenceAgainstPyTorchTest {
    /**
     * The fixtures are float32 results; a float64 recomputation agrees with them to 1e-6..1e-5 of each
     * tensor's scale (fixtures README), so 2e-5 accepts float32 rounding while a wrong index, a missed
     * term or a wrong tie rule errs by 1e-3 or more.
     */
    private static final double TOLERANCE = 2e-5;
    /**
     * The step's change {@code after − before} is ~1e-4 of the parameter, and both sides round
     * {@code after} to float32 (half an ulp of the parameter each), so the change is compared to a
     * relative 1e-3 of its scale.
     */
    private static final double UPDATE_TOLERANCE = 1e-3;

    @Test
    void reproducesTheSigmoidLeNetFixture() {
        assertReproduces(D2lNetworks::leNet, Fixtures.LENET);
    }

    @Test
    void reproducesTheReluMaxPoolLeNetFixture() {
        assertReproduces(D2lNetworks::leNetRelu, Fixtures.LENET_RELU);
    }

    private static void assertReproduces(Supplier<Sequential> architecture, String fixture) {
        TensorFile pytorch = SafetensorsReader.read(Fixtures.file(fixture));
        Sequential network = architecture.get();
        Map<String, ReferenceParameter> parameters = network.namedParameters();
        parameters.forEach((name, p) -> {
            HostTensor stored = pytorch.tensor(name);
            assertEquals(Arrays.toString(HostTensor.shapeOf(p.shape())), Arrays.toString(stored.shape()), name);
            System.arraycopy(stored.floats(), 0, p.value(), 0, p.value().length);
        });
        HostTensor input = pytorch.tensor("input");
        int[] inputShape = Arrays.stream(input.shape()).mapToInt(Math::toIntExact).toArray();
        float learningRate = Float.parseFloat(pytorch.metadata("lr"));
        RecordedStep step = RecordedStep.run(network, input.floats(), inputShape, pytorch.tensor("labels").longs(),
                learningRate);

        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        check(report, failures, "logits", RecordedStep.toFloats(step.logits().values()),
                pytorch.tensor("logits").floats(), TOLERANCE);
        check(report, failures, "loss", new float[] {(float) step.loss()}, pytorch.tensor("loss").floats(), TOLERANCE);
        for (String name : parameters.keySet()) {
            check(report, failures, name + ".grad", step.gradients().get(name), pytorch.tensor(name + ".grad").floats(),
                    TOLERANCE);
            float[] before = pytorch.tensor(name).floats();
            check(report, failures, name + " update", minus(step.afterStep().get(name), before),
                    minus(pytorch.tensor(name + ".after_sgd").floats(), before), UPDATE_TOLERANCE);
        }
        check(report, failures, "loss_after_sgd", new float[] {(float) step.lossAfterStep()},
                new float[] {Float.parseFloat(pytorch.metadata("loss_after_sgd"))}, TOLERANCE);
        String text = fixture + " (Java reference against PyTorch):\n" + String.join("\n", report);
        System.out.println(text);
        assertEquals(2 + 2 * parameters.size() + 1, report.size(), text);
        assertTrue(failures.isEmpty(), "out of tolerance: " + failures + "\n" + text);
    }

    private static void check(List<String> report, List<String> failures, String name, float[] ours, float[] theirs,
                              double tolerance) {
        double error = RelativeError.of(ours, theirs);
        report.add(String.format("%-22s relative %.2e (limit %.0e)", name, error, tolerance));
        if (!(error <= tolerance)) {
            failures.add(name);
        }
    }

    private static float[] minus(float[] a, float[] b) {
        float[] difference = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            difference[i] = a[i] - b[i];
        }
        return difference;
    }
}
