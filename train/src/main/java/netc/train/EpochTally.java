package netc.train;

import netc.runtime.ops.LossResult;

/** Sums one epoch's batch results into d2l's example-weighted mean loss and accuracy. */
public final class EpochTally {
    private double lossSum;
    private long correct;
    private long examples;

    public void add(LossResult batch) {
        // The op reports the batch mean; weighting by the batch's size makes a short last batch count fairly.
        lossSum += (double) batch.loss() * batch.count();
        correct += batch.correct();
        examples += batch.count();
    }

    public long examples() {
        return examples;
    }

    public double meanLoss() {
        return examples == 0 ? Double.NaN : lossSum / examples;
    }

    public double accuracy() {
        return examples == 0 ? Double.NaN : (double) correct / examples;
    }
}
