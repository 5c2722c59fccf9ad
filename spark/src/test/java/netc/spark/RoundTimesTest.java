package netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The end-of-run line: the replicas' first round apart, then the mean round split into workers and Spark. */
class RoundTimesTest {
    private static RoundResult worker(long nanos) {
        return RoundResult.of(new ReplicaState(new float[] {1f}, new long[0], 0), 4, 1.0, 1, nanos);
    }

    @Test
    void theRestOfARoundIsSparksShare() {
        RoundTimes times = new RoundTimes();
        times.add(3_000_000_000L, worker(5_000_000).plus(worker(5_000_000)));
        times.add(30_000_000L, worker(8_000_000).plus(worker(10_000_000)));
        times.add(40_000_000L, worker(12_000_000).plus(worker(10_000_000)));
        assertEquals("Spark: first round 3.0 s (building the replicas), then 2 rounds of 35.0 ms: workers 11.0 ms"
                + " (longest 11.0, all 20.0), Spark's scheduling and transfers 24.0 ms", times.summary(false));
        assertEquals("Spark: first round 3.0 s (building the replicas), then 2 rounds of 35.0 ms: workers 20.0 ms"
                + " (longest 11.0, all 20.0), Spark's scheduling and transfers 15.0 ms", times.summary(true));
    }
}
