package netc.samples;

import javax.annotation.processing.Generated;
import netc.runtime.train.Trainer;
import netc.runtime.train.TrainingOptions;
import netc.runtime.train.TrainingReport;

/**
 * Trains {@link AlexNetModel} on Fashion-MNIST.
 */
@Generated("netc.processor.NetworkProcessor")
public final class AlexNetTrainer {
    private AlexNetTrainer() {
    }

    /**
     * Builds the model on the chosen device, trains it and reports every epoch.
     */
    public static TrainingReport fit(TrainingOptions options) {
        return Trainer.fit(AlexNetModel.FACTORY, AlexNetModel.INFO, options);
    }

    /**
     * Trains with {@link TrainingOptions#defaults()} and prints the last epoch.
     */
    public static void main(String[] args) {
        TrainingReport report = fit(TrainingOptions.defaults());
        System.out.println(report.last());
    }
}
