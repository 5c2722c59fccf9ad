package netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import netc.runtime.cl.Device;
import netc.runtime.model.ModelFactory;
import netc.runtime.verify.ReferenceComparison;
import netc.runtime.verify.TensorComparison;
import org.junit.jupiter.api.Test;

/**
 * The generated models against PyTorch 2.7.1 on the same weights and batch (the fixtures in
 * {@code shared/fixtures/}): logits, loss, every gradient, the parameters after one SGD step and the
 * loss after it. Tolerances are {@link ReferenceComparison}'s, relative to each tensor's scale.
 */
class PyTorchParityTest {
    private static final Path FIXTURES = locateFixtures();

    @Test
    void lenetWithSigmoidAndAveragePoolingMatchesPyTorch() {
        assertMatches(LeNetModel.FACTORY, "pytorch-lenet-b8.safetensors");
    }

    @Test
    void lenetWithReluAndMaxPoolingMatchesPyTorch() {
        assertMatches(LeNetReluModel.FACTORY, "pytorch-lenet-relu-b8.safetensors");
    }

    private static void assertMatches(ModelFactory factory, String fixture) {
        try (Device device = Device.open()) {
            List<TensorComparison> results = ReferenceComparison.run(device, factory, FIXTURES.resolve(fixture));
            String report = results.stream().map(TensorComparison::toString).collect(Collectors.joining("\n"));
            // logits, loss, 10 gradients, 10 updated parameters, loss after the step
            assertEquals(23, results.size(), report);
            assertTrue(results.stream().allMatch(TensorComparison::passed), report);
            System.out.println(fixture + ":\n" + report);
        }
    }

    /** shared/ lies beside the checkout (a developer's tree, and CI's clone). */
    private static Path locateFixtures() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + here
                + "; the PyTorch fixtures live in the shared/ folder beside the checkout.");
    }
}
