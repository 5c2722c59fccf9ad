package netc.spark;

import java.io.Serializable;

/**
 * What workers bring back from a round, summed over workers by Spark's {@code treeReduce}: each worker's
 * final state weighted by the examples it trained on (so that the sum divided by {@link #examples()} is the
 * example-weighted average), the largest counters and optimizer step count, and the loss, correct count
 * and examples of all its steps for the driver's metrics.
 */
final class RoundResult implements Serializable {
    private static final long serialVersionUID = 1L;

    private final float[] weightedValues;
    private final long[] counters;
    private final long optimizerSteps;
    private final long examples;
    private final double lossSum;
    private final long correct;
    /** The longest time one worker spent on its part of the round (loading the state, its steps, reading back). */
    private final long longestWorkerNanos;
    /** The workers' times added up: the round's device time where workers take turns on one device. */
    private final long totalWorkerNanos;

    RoundResult(float[] weightedValues, long[] counters, long optimizerSteps, long examples, double lossSum,
                long correct, long longestWorkerNanos, long totalWorkerNanos) {
        this.weightedValues = weightedValues;
        this.counters = counters;
        this.optimizerSteps = optimizerSteps;
        this.examples = examples;
        this.lossSum = lossSum;
        this.correct = correct;
        this.longestWorkerNanos = longestWorkerNanos;
        this.totalWorkerNanos = totalWorkerNanos;
    }

    /** A worker with nothing left to train on this round: it adds nothing. */
    static RoundResult none() {
        return new RoundResult(null, null, 0, 0, 0, 0, 0, 0);
    }

    /** {@code state} after {@code examples} examples: its values times that count. */
    static RoundResult of(ReplicaState state, long examples, double lossSum, long correct, long workerNanos) {
        float[] weighted = state.values().clone();
        for (int i = 0; i < weighted.length; i++) {
            weighted[i] *= examples;
        }
        return new RoundResult(weighted, state.counters().clone(), state.optimizerSteps(), examples, lossSum, correct,
                workerNanos, workerNanos);
    }

    /** The two workers' results together; either may be {@link #none()}. Reuses this result's arrays. */
    RoundResult plus(RoundResult other) {
        if (other.weightedValues == null) {
            return this;
        }
        if (weightedValues == null) {
            return other;
        }
        for (int i = 0; i < weightedValues.length; i++) {
            weightedValues[i] += other.weightedValues[i];
        }
        long[] largest = counters.clone();
        for (int i = 0; i < largest.length; i++) {
            largest[i] = Math.max(largest[i], other.counters[i]);
        }
        return new RoundResult(weightedValues, largest, Math.max(optimizerSteps, other.optimizerSteps),
                examples + other.examples, lossSum + other.lossSum, correct + other.correct,
                Math.max(longestWorkerNanos, other.longestWorkerNanos), totalWorkerNanos + other.totalWorkerNanos);
    }

    /**
     * The averaged state: every worker's weighted by the examples it trained on. Counters and the
     * optimizer's steps advance as the busiest worker's did, as one process taking those steps would.
     */
    ReplicaState average() {
        if (weightedValues == null) {
            throw new IllegalStateException("no worker trained in this round");
        }
        float[] values = new float[weightedValues.length];
        // Divided in double: examples may be past float's exact integers, the quotient is rounded once.
        double scale = 1.0 / examples;
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (weightedValues[i] * scale);
        }
        return new ReplicaState(values, counters, optimizerSteps);
    }

    long examples() {
        return examples;
    }

    double lossSum() {
        return lossSum;
    }

    long correct() {
        return correct;
    }


    long longestWorkerNanos() {
        return longestWorkerNanos;
    }

    long totalWorkerNanos() {
        return totalWorkerNanos;
    }
}
