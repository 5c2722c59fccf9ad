package netc.samples.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import netc.runtime.cl.Device;
import netc.verify.ReferenceComparison;
import netc.verify.ReferenceReport;
import netc.verify.TensorComparison;
import netc.samples.AlexNetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated AlexNet against the plain-Java reference, end to end as a reviewer's PyTorch check
 * would run: the reference records one SGD step of d2l's AlexNet (batch 2, 224×224, random
 * Xavier-scale weights) in the fixtures' format under PyTorch's Sequential names, and
 * {@link ReferenceComparison} replays it on the device. Tolerances are ReferenceComparison's.
 */
class AlexNetAgainstJavaReferenceTest {
    private static final int BATCH = 2;
    private static final int CLASSES = 10;

    @Test
    void oneTrainingStepMatchesTheJavaReference(@TempDir Path directory) {
        Random random = new Random(20240601);
        Sequential reference = D2lNetworks.alexNet();
        RandomInit.xavierUniform(reference, random);
        int[] inputShape = {BATCH, 1, 224, 224};
        float[] input = RandomInit.uniformInput(BATCH * 224 * 224, random);
        long[] labels = RandomInit.labels(BATCH, CLASSES, random);

        long start = System.nanoTime();
        RecordedStep step = RecordedStep.run(reference, input, inputShape, labels, 0.01f);
        Path file = directory.resolve("alexnet-b2.safetensors");
        step.writeTo(file, "alexnet");
        long recorded = System.nanoTime();

        ReferenceReport result;
        try (Device device = Device.open()) {
            result = ReferenceComparison.check(device, AlexNetModel.FACTORY, file);
        }
        long replayed = System.nanoTime();
        String report = result.comparisons().stream().map(TensorComparison::toString)
                .collect(Collectors.joining("\n"));
        System.out.printf("AlexNet, batch %d: Java reference %.1f s, device replay %.1f s%n%s%n", BATCH,
                (recorded - start) / 1e9, (replayed - recorded) / 1e9, report);
        // logits, loss, 16 gradients, 16 updates, loss after the step: the whole step, all within tolerance
        assertEquals(35, result.comparisons().size(), report);
        assertEquals(List.of(), result.notRecorded(), report);
        assertTrue(result.passed(), report);
    }
}
