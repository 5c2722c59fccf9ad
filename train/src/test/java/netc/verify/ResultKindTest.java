package netc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.TensorFile;
import org.junit.jupiter.api.Test;

/** Where an all-zero reference borrows its scale: the smallest non-zero one among the file's results of its kind. */
class ResultKindTest {
    private static TensorFile file(Map<String, float[]> tensors, Map<String, String> metadata) {
        Map<String, HostTensor> host = new LinkedHashMap<>();
        tensors.forEach((name, values) -> host.put(name, HostTensor.ofFloats(values, values.length)));
        return new TensorFile(Path.of("reference.safetensors"), host, metadata);
    }

    @Test
    void aGradientBorrowsTheSmallestNonZeroGradientScale() {
        TensorFile reference = file(Map.of(
                "0.weight", new float[] {5f, -7f},
                "0.weight.grad", new float[] {0f, 0f},
                "0.bias.grad", new float[] {3e-3f, -4e-3f},
                "3.weight.grad", new float[] {-2e-5f, 1e-5f},
                "logits", new float[] {1e-9f}), Map.of());
        assertEquals(2e-5f, ResultKind.GRADIENT.smallestScaleIn(reference));
    }

    @Test
    void anUpdateBorrowsTheSmallestNonZeroChange() {
        TensorFile reference = file(Map.of(
                "0.weight", new float[] {1f, 2f},
                "0.weight.after_sgd", new float[] {1f, 2f},
                "0.bias", new float[] {0.5f},
                "0.bias.after_sgd", new float[] {0.25f},
                "3.bias", new float[] {4f},
                "3.bias.after_sgd", new float[] {3f}), Map.of());
        assertEquals(0.25, ResultKind.UPDATE.smallestScaleIn(reference));
    }

    @Test
    void aForwardResultBorrowsFromLogitsLossOrTheLossAfterTheStep() {
        TensorFile reference = file(Map.of("logits", new float[] {0f, 0f}, "loss", new float[] {2.5f}),
                Map.of("loss_after_sgd", "-0.5"));
        assertEquals(0.5, ResultKind.FORWARD.smallestScaleIn(reference));
    }

    @Test
    void withNothingToBorrowTheScaleIsZero() {
        TensorFile reference = file(Map.of("0.weight.grad", new float[] {0f}, "logits", new float[] {1f}), Map.of());
        assertEquals(0.0, ResultKind.GRADIENT.smallestScaleIn(reference));
        assertEquals(0.0, ResultKind.UPDATE.smallestScaleIn(reference));
    }
}
