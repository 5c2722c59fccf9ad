package netc.samples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.train.MetricsCsv;
import netc.runtime.train.RunFiles;
import netc.runtime.train.Trainer;
import netc.runtime.train.TrainingDivergedException;
import netc.runtime.train.TrainingOptions;
import netc.samples.LeNetModel;
import netc.samples.LeNetReluModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that cannot work stop with one clear sentence: a network the data cannot feed, and a diverging loss. */
class RefusalsTest {
    /**
     * Were a device opened, this selector would fail first with "No OpenCL device matches"; getting the
     * network's own error instead shows the refusal comes before any device work.
     */
    private static final String NO_SUCH_DEVICE = "no-such-device";

    @TempDir
    Path root;

    @Test
    void aNetworkWithThreeInputChannelsIsRefusedBeforeTraining() {
        Path output = root.resolve("colour");
        String message = refusal(ColourNetModel.FACTORY, ColourNetModel.INFO, output);
        assertEquals("ColourNet takes 3 input channels but Fashion-MNIST train has grey images (1 channel);"
                + " declare @Network(channels = 1, ...).", message);
        assertFalse(Files.exists(output), "an output directory was created for a refused run");
    }

    @Test
    void aNetworkWithNineOutputsIsRefusedBeforeTraining() {
        Path output = root.resolve("nine");
        String message = refusal(NineClassNetModel.FACTORY, NineClassNetModel.INFO, output);
        assertEquals("NineClassNet's last layer has 9 outputs but Fashion-MNIST train has 10 classes;"
                + " make the last layer @Dense(out = 10).", message);
        assertFalse(Files.exists(output), "an output directory was created for a refused run");
    }

    private static String refusal(ModelFactory factory, NetworkInfo info, Path output) {
        TrainingOptions options = QuickTraining.withDevice(QuickTraining.options(output, 1, 16, 0.1, 100, 50),
                NO_SUCH_DEVICE);
        return assertThrows(IllegalArgumentException.class, () -> Trainer.fit(factory, info, options, System.out))
                .getMessage();
    }

    /**
     * At a learning rate of 1e30 the first update explodes the weights. Sigmoid LeNet's bounded
     * activations then keep the loss finite but absurd (about 1e31); ReLU LeNet's unbounded ones overflow
     * it to infinity or NaN. Either way training must stop at once, naming the place, rather than report
     * epochs of garbage.
     */
    @Test
    void anAbsurdLearningRateStopsSigmoidLeNetInEpochOne() {
        assertStopsEarly(LeNetModel.FACTORY, LeNetModel.INFO);
    }

    @Test
    void anAbsurdLearningRateStopsReluLeNetInEpochOne() {
        assertStopsEarly(LeNetReluModel.FACTORY, LeNetReluModel.INFO);
    }

    private void assertStopsEarly(ModelFactory factory, NetworkInfo info) {
        Path output = root.resolve(info.name());
        TrainingOptions options = QuickTraining.options(output, 2, 16, 1e30, 160, 50);

        String message = assertThrows(TrainingDivergedException.class,
                () -> Trainer.fit(factory, info, options, System.out)).getMessage();
        System.out.println(message);

        Matcher matcher = Pattern.compile("Training diverged: the loss became (NaN|infinite|\\d\\.\\d+E\\+\\d+) at"
                + " epoch 1, step (\\d+) with learning rate 1E\\+30; lower the learning rate \\(e\\.g\\. --lr 1E\\+29\\)"
                + " and train again\\.").matcher(message);
        assertTrue(matcher.matches(), message);
        // Step 1's loss comes from the initial weights, so it is sane; 160 / 16 = 10 steps in epoch 1.
        int step = Integer.parseInt(matcher.group(2));
        assertTrue(step >= 2 && step <= 10, message);
        RunFiles files = RunFiles.in(output);
        assertTrue(new MetricsCsv(files.metricsCsv()).read().isEmpty(), "a diverged epoch was recorded");
        assertFalse(Files.exists(files.checkpoint()), "a diverged model was saved as a checkpoint");
    }
}
