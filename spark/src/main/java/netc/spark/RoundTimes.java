package netc.spark;

import java.util.Locale;

/**
 * Where a run's rounds spent their time, as the driver saw them: the whole round, the workers' own part
 * (state in, local steps, state out) and what is left, Spark's scheduling, serialisation and transfers.
 * The per-round overhead data-parallel training pays, printed at the end of a run.
 */
final class RoundTimes {
    /** The first round builds every replica (model, kernels, data), so it is reported apart. */
    private long firstRoundNanos = -1;
    private long rounds;
    private long roundNanos;
    private long longestWorkerNanos;
    private long totalWorkerNanos;

    void add(long roundNanos, RoundResult result) {
        if (firstRoundNanos < 0) {
            firstRoundNanos = roundNanos;
            return;
        }
        rounds++;
        this.roundNanos += roundNanos;
        longestWorkerNanos += result.longestWorkerNanos();
        totalWorkerNanos += result.totalWorkerNanos();
    }

    /**
     * One line: mean milliseconds per round, of the workers (the longest one's, and all added up, which is
     * what a round waits for when they take turns on one device) and of the rest.
     */
    String summary(boolean workersTakeTurns) {
        if (rounds == 0) {
            return firstRoundNanos < 0 ? "Spark: no rounds"
                    : String.format(Locale.ROOT, "Spark: one round, %.1f s (building the replicas)", firstRoundNanos / 1e9);
        }
        double round = roundNanos / 1e6 / rounds;
        double longest = longestWorkerNanos / 1e6 / rounds;
        double total = totalWorkerNanos / 1e6 / rounds;
        double workers = workersTakeTurns ? total : longest;
        return String.format(Locale.ROOT, "Spark: first round %.1f s (building the replicas), then %d rounds of %.1f ms:"
                + " workers %.1f ms (longest %.1f, all %.1f), Spark's scheduling and transfers %.1f ms",
                firstRoundNanos / 1e9, rounds, round, workers, longest, total, round - workers);
    }
}
