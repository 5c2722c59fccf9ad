package netc.train;

/**
 * Told what training measured, as Keras's callbacks are: after every epoch, once its metrics are in
 * {@code metrics.csv} and its checkpoint is saved, and once at the end with the whole history. A callback
 * that throws stops training with that exception (the checkpoint of the last epoch stays). A lambda is
 * one: {@code .callback(m -> log.info("epoch " + m.epoch() + ": " + m.testAccuracy()))}.
 */
@FunctionalInterface
public interface TrainingCallback {
    /** After each trained epoch (1-based {@link EpochMetrics#epoch()}), including those of a resumed run only. */
    void onEpochEnd(EpochMetrics metrics);

    /** After the last epoch, or when early stopping ended the run; the history holds every epoch, earlier runs' too. */
    default void onTrainingEnd(TrainingHistory history) {}
}
