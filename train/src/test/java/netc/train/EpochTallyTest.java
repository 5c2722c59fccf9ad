package netc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netc.runtime.ops.LossResult;
import org.junit.jupiter.api.Test;

class EpochTallyTest {
    @Test
    void aShortLastBatchWeighsByItsSize() {
        EpochTally tally = new EpochTally();
        tally.add(new LossResult(1.0f, 200, 256));
        tally.add(new LossResult(3.0f, 10, 44));
        assertEquals(300, tally.examples());
        assertEquals((1.0 * 256 + 3.0 * 44) / 300, tally.meanLoss(), 1e-12);
        assertEquals(210.0 / 300, tally.accuracy(), 1e-12);
    }

    @Test
    void anEmptyTallyHasNoMean() {
        assertTrue(Double.isNaN(new EpochTally().meanLoss()));
        assertTrue(Double.isNaN(new EpochTally().accuracy()));
    }
}
