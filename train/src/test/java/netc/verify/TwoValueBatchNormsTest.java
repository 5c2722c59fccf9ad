package netc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import netc.runtime.model.LayerRow;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.TensorInfo;
import netc.runtime.model.TorchStep;
import netc.runtime.model.MemoryPlan;
import org.junit.jupiter.api.Test;

/** Which batch norms see two values per channel, and κ = (var + eps)/eps read from their running variance. */
class TwoValueBatchNormsTest {
    /** bn2d over (2, 4, 4) planes, then bn1d over 3 features. */
    private static final NetworkInfo INFO = new NetworkInfo("Net", "p.Net", 2, 4, 4, 3,
            List.of(new LayerRow("bn2d", "BatchNorm", List.of(2, 4, 4), 4, 0, List.of(-1),
                            List.of(new TorchStep("bn2d", 0, -1))),
                    new LayerRow("bn1d", "BatchNorm", List.of(3), 6, 0, List.of(0),
                            List.of(new TorchStep("bn1d", 1, -1)))),
            List.of(),
            List.of(new TensorInfo("bn2d.running_var", 0, "running_var", List.of(2)),
                    new TensorInfo("bn1d.running_var", 1, "running_var", List.of(3))),
            new MemoryPlan(0, List.of()), "hash", "");

    /** A step in which each running variance starts at 1 and moves to 0.9 + 0.1·unbiased. */
    private static StepReplay.Results step(float[] bn1dUnbiased) {
        float[] after = new float[3];
        for (int c = 0; c < 3; c++) {
            after[c] = 0.9f + 0.1f * bn1dUnbiased[c];
        }
        return new StepReplay.Results(Map.of(
                "bn2d.running_var", new float[] {1f, 1f}, "bn2d.running_var.after_step", new float[] {5f, 5f},
                "bn1d.running_var", new float[] {1f, 1f, 1f}, "bn1d.running_var.after_step", after), Map.of());
    }

    @Test
    void atBatchTwoOnlyTheOneDimensionalBatchNormSeesTwoValuesAndKappaComesFromItsVariance() {
        // unbiased variance 0.2 over two values is a biased one of 0.1: kappa = (0.1 + 1e-5)/1e-5 = 10001
        TwoValueBatchNorms found = TwoValueBatchNorms.of(INFO, 2, step(new float[] {0.2f, 0.02f, 0f}));
        assertTrue(found.any());
        assertEquals(10001, found.kappa(), 2);
        assertEquals(2 * 0x1p-24 * found.kappa(), found.ofScale(), 1e-12);
        assertTrue(found.describe().startsWith("bn1d normalises 2 values per channel (kappa = (var + eps)/eps up to"
                + " 1.0e+04)"), found.describe());
    }

    @Test
    void atAnotherBatchNoneDoesAndNothingIsAllowed() {
        TwoValueBatchNorms found = TwoValueBatchNorms.of(INFO, 3, step(new float[] {0.2f, 0.02f, 0f}));
        assertFalse(found.any());
        assertEquals(0, found.ofScale());
    }
}
