package netc.bench;

/**
 * The mean wall time of one layer's work per step, in milliseconds. Two pseudo-layers sit beside the
 * network's own: {@value ModelBenchmark#LOSS_ROW} (softmax cross-entropy and its gradient, counted as
 * forward) and {@value ModelBenchmark#OPTIMIZER_ROW} (the SGD update, counted as backward).
 */
public record LayerTiming(String layer, double forwardMillis, double backwardMillis) {
    public double totalMillis() {
        return forwardMillis + backwardMillis;
    }
}
