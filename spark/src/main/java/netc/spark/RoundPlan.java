package netc.spark;

import java.io.Serializable;

/**
 * What every worker does in one round: {@code steps} local steps of epoch {@code epoch} from its batch
 * {@code firstBatch} at {@code learningRate}, starting from the state broadcast for the round (a worker
 * whose partition has fewer batches left takes fewer, or none).
 */
record RoundPlan(int epoch, int firstBatch, int steps, float learningRate) implements Serializable {}
