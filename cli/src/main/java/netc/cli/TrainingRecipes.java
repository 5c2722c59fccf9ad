package netc.cli;

import java.nio.file.Path;
import java.util.Locale;
import netc.train.TrainingOptions;

/**
 * The settings d2l.ai trains each sample with, used for every option the command line leaves out:
 * LeNet's (10 epochs, batch 256, lr 0.9) for any network, except AlexNet's lr 0.01 and batch 128.
 */
final class TrainingRecipes {
    private TrainingRecipes() {}

    static TrainingOptions forNetwork(String simpleName) {
        TrainingOptions d2l = TrainingOptions.defaults();
        boolean alexNet = simpleName.equals("AlexNet");
        return new TrainingOptions(d2l.epochs(), alexNet ? 128 : d2l.batchSize(), alexNet ? 0.01 : d2l.learningRate(),
                d2l.momentum(), d2l.weightDecay(), d2l.seed(), d2l.device(), d2l.dataDirectory(),
                Path.of("runs", simpleName.toLowerCase(Locale.ROOT)), d2l.trainLimit(), d2l.testLimit(), d2l.resume());
    }
}
