package netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import netc.runtime.cl.Device;
import netc.runtime.model.ModelFactory;
import netc.verify.ReferenceComparison;
import netc.verify.ReferenceReport;
import netc.verify.TensorComparison;
import org.junit.jupiter.api.Test;

/**
 * The generated models against PyTorch 2.7.1 on the same weights and batch (the fixtures in
 * {@code fixtures/}): logits, loss, every gradient, the parameters after one SGD step and the
 * loss after it. Tolerances are {@link ReferenceComparison}'s: per element, scaled to each tensor.
 */
class PyTorchParityTest {
    @Test
    void lenetWithSigmoidAndAveragePoolingMatchesPyTorch() {
        assertMatches(LeNetModel.FACTORY, Fixtures.LENET);
    }

    @Test
    void lenetWithReluAndMaxPoolingMatchesPyTorch() {
        assertMatches(LeNetReluModel.FACTORY, Fixtures.LENET_RELU);
    }

    private static void assertMatches(ModelFactory factory, String fixture) {
        try (Device device = Device.open()) {
            ReferenceReport result = ReferenceComparison.check(device, factory, Fixtures.file(fixture));
            String report = result.comparisons().stream().map(TensorComparison::toString)
                    .collect(Collectors.joining("\n"));
            // logits, loss, 10 gradients, 10 updated parameters, loss after the step: the whole step, each within tolerance
            assertEquals(23, result.comparisons().size(), report);
            assertEquals(List.of(), result.notRecorded(), report);
            assertTrue(result.passed(), report);
            System.out.println(fixture + ":\n" + report);
        }
    }
}
