package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import netc.runtime.model.MemoryBreakdown;
import netc.runtime.model.MemoryEstimate;
import netc.samples.AlexNetModel;
import org.junit.jupiter.api.Test;

/** {@code netc summary}: the shape table with its planned memory, and the device memory per batch size. */
class SummaryCommandTest {
    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void theTableStatesThePlannedMemoryAndEachBatchSizesDeviceMemory() {
        Outcome outcome = netc("summary", "AlexNet", "--batch-size", "64,128");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("outputs and gradients 345,344 floats per example"), outcome.out());
        for (int batch : new int[] {64, 128}) {
            MemoryBreakdown memory = MemoryBreakdown.of(AlexNetModel.INFO, batch);
            assertEquals(MemoryEstimate.trainingStep(AlexNetModel.INFO, batch).bytes(), memory.totalBytes());
            assertTrue(memory.opStateBytes() >= 0, "the parts add up to no more than the whole");
            assertTrue(outcome.out().contains("  " + memory.describe() + "\n")
                    || outcome.out().contains("  " + memory.describe() + System.lineSeparator()), outcome.out());
            long predicting = MemoryEstimate.model(AlexNetModel.INFO, batch).bytes();
            assertEquals(memory.parameterBytes(), memory.totalBytes() - predicting,
                    "predicting leaves out exactly the gradients, one float per parameter");
            assertTrue(outcome.out().contains(String.format(java.util.Locale.ROOT, "batch %d: %.1f MB", batch,
                    predicting / 1e6)), outcome.out());
        }
    }

    @Test
    void aBatchSizeBelowOneIsAUsageError() {
        Outcome outcome = netc("summary", "AlexNet", "--batch-size", "0");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("--batch-size must be at least 1, got 0."), outcome.err());
    }
}
