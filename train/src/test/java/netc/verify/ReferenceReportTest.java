package netc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A report passes only when the file records every result and all of them match. */
class ReferenceReportTest {
    private static final Tolerance TOLERANCE = new Tolerance(1e-5, 1e-5);

    private static TensorComparison matching(String name) {
        return TensorComparison.of(name, new float[] {1f}, new float[] {1f}, TOLERANCE, () -> 0);
    }

    private static TensorComparison differing(String name) {
        return TensorComparison.of(name, new float[] {2f}, new float[] {1f}, TOLERANCE, () -> 0);
    }

    @Test
    void everyResultRecordedAndMatchingPasses() {
        ReferenceReport report = new ReferenceReport("Net", 8, List.of(matching("logits"), matching("loss")), List.of());
        assertEquals(ReferenceReport.Verdict.PASS, report.verdict());
        assertTrue(report.passed());
    }

    @Test
    void matchingResultsWithOthersUnrecordedAreIncompleteNotAPass() {
        ReferenceReport report = new ReferenceReport("Net", 8, List.of(matching("logits")),
                List.of("loss", "fc.weight.grad"));
        assertEquals(ReferenceReport.Verdict.INCOMPLETE, report.verdict());
        assertFalse(report.passed());
        assertTrue(report.matchesWhatItRecords());
        assertFalse(report.complete());
    }

    @Test
    void anyDifferenceFailsWhetherOrNotTheFileIsComplete() {
        assertEquals(ReferenceReport.Verdict.FAIL, new ReferenceReport("Net", 8,
                List.of(matching("logits"), differing("loss")), List.of()).verdict());
        ReferenceReport partial = new ReferenceReport("Net", 8, List.of(differing("logits")), List.of("loss"));
        assertEquals(ReferenceReport.Verdict.FAIL, partial.verdict());
        assertEquals(List.of("logits"), partial.failures().stream().map(TensorComparison::name).toList());
    }

    @Test
    void nothingComparedIsNoPass() {
        assertEquals(ReferenceReport.Verdict.FAIL, new ReferenceReport("Net", 8, List.of(), List.of()).verdict());
    }
}
