package netc.runtime.train;

import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;

/** Trains a generated model on Fashion-MNIST as d2l's {@code train_ch6} does. */
public final class Trainer {
    private Trainer() {}

    /** Builds the model on the chosen device, trains it for the given epochs and reports. */
    public static TrainingReport fit(ModelFactory factory, NetworkInfo info, TrainingOptions options) {
        throw new UnsupportedOperationException("Trainer: pending (issue #4)");
    }
}
