package netc.spark;

import java.util.Locale;

/**
 * Where a run's rounds spent their time, as the driver saw them: the whole round, the workers' own part
 * (state in, local steps, state out) and what is left, Spark's scheduling, serialisation and transfers.
 * The per-round overhead data-parallel training pays, printed at the end of a run.
 */
final class RoundTimes {
    private long rounds;
    private long roundNanos;
    private long longestWorkerNanos;
    private long totalWorkerNanos;

    void add(long roundNanos, RoundResult result) {
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
            return "Spark: no rounds";
        }
        double round = roundNanos / 1e6 / rounds;
        double longest = longestWorkerNanos / 1e6 / rounds;
        double total = totalWorkerNanos / 1e6 / rounds;
        double workers = workersTakeTurns ? total : longest;
        return String.format(Locale.ROOT, "Spark: %d rounds, %.1f ms each: workers %.1f ms (longest %.1f, all %.1f),"
                + " Spark's scheduling and transfers %.1f ms", rounds, round, workers, longest, total, round - workers);
    }
}
