package netc.samples;

import javax.annotation.processing.Generated;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;

/**
 * Trains {@link LeNetBNModel} on the data its options name. Any other data set: pass it to
 * {@code Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, options, train, test, out)}.
 *
 * <p>From the shell: {@code netc train netc.samples.LeNetBN}.
 */
@Generated("netc.processor.NetworkProcessor")
public final class LeNetBNTrainer {
    private LeNetBNTrainer() {
    }

    /**
     * Builds the model on the chosen device, trains it and reports every epoch.
     */
    public static TrainingReport fit(TrainingOptions options) {
        return Trainer.fit(LeNetBNModel.FACTORY, LeNetBNModel.INFO, options);
    }
}
