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

    /**
     * The reference step of a network with batch norm runs it in training mode without dropout, as PyTorch
     * recorded it: the logits, the loss and the loss after the update (in the same mode) agree within the
     * strict tolerance; in evaluation mode the running statistics (still 0 and 1) would normalise instead and
     * the backward pass would refuse to run. Its gradients at batch 2 pass through batch norm's cancellation
     * and need GraphParityTest's looser limits, so they are not judged here.
     */
    @Test
    void aBatchNormNetworksStepIsReplayedInTrainingMode() {
        try (Device device = Device.open()) {
            ReferenceReport result = ReferenceComparison.check(device, LeNetBNModel.FACTORY,
                    Fixtures.file(Fixtures.LENET_BN));
            for (String name : List.of("logits", "loss", "loss_after_sgd")) {
                TensorComparison comparison = result.comparisons().stream().filter(c -> c.name().equals(name))
                        .findFirst().orElseThrow();
                assertTrue(comparison.passed(), comparison.toString());
            }
        }
    }

    static void assertMatches(ModelFactory factory, String fixture) {
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
