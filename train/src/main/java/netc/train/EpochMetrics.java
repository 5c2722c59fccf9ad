package netc.train;

/**
 * What one epoch measured, as d2l reports it, and the learning rate it trained with.
 *
 * @param epoch 1-based
 * @param loss mean training loss over the epoch's examples
 * @param trainAccuracy fraction of training examples classified right during the epoch
 * @param testAccuracy fraction of test examples classified right after the epoch
 * @param imagesPerSecond training examples per second of the epoch's training time
 * @param seconds wall time of the epoch, evaluation included
 * @param learningRate the optimizer's rate during the epoch (after the schedule); NaN where unknown, in a
 *     metrics file written before the rate was recorded
 */
public record EpochMetrics(int epoch, double loss, double trainAccuracy, double testAccuracy,
                           double imagesPerSecond, double seconds, double learningRate) {}
