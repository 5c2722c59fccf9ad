package netc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fluent options and optimizer settings a user writes. */
class TrainingOptionsTest {
    @Test
    void theBuilderKeepsWhatItIsGivenAndToBuilderChangesOnlyWhatIsSet() {
        TrainingCallback callback = metrics -> { };
        TrainingOptions options = TrainingOptions.builder().epochs(20).batchSize(128)
                .optimizer(Optimizers.sgd(0.05).momentum(0.9).nesterov(true).weightDecay(5e-4))
                .schedule(LearningRateSchedule.warmup(2).then(LearningRateSchedule.cosine()))
                .earlyStopping(EarlyStopping.patience(3).minDelta(0.001))
                .callback(callback).seed(7).device("cpu").dataDirectory(Path.of("d")).outputDirectory(Path.of("o"))
                .trainLimit(100).testLimit(50).resume(true).build();
        assertEquals(20, options.epochs());
        assertEquals(128, options.batchSize());
        assertEquals(new SgdSettings(0.05, 0.9, true, 5e-4), options.optimizer());
        assertEquals(0.05, options.learningRate());
        assertEquals(new EarlyStopping(3, 0.001), options.earlyStopping());
        assertEquals(List.of(callback), options.callbacks());
        assertEquals(7, options.seed());
        assertEquals("cpu", options.device());
        assertEquals(Path.of("o"), options.outputDirectory());
        assertEquals(100, options.trainLimit());
        assertEquals(50, options.testLimit());
        assertTrue(options.resume());

        TrainingOptions changed = options.toBuilder().epochs(5).learningRate(0.1).build();
        assertEquals(5, changed.epochs());
        assertEquals(new SgdSettings(0.1, 0.9, true, 5e-4), changed.optimizer(), "--lr keeps the other settings");
        assertSame(options.schedule(), changed.schedule());
        assertEquals(options.callbacks(), changed.callbacks());
        assertEquals(20, options.epochs(), "the original is unchanged");
    }

    @Test
    void aNullCallbackIsRefused() {
        assertEquals("A training callback cannot be null; leave it out instead.",
                assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().callback(null)).getMessage());
    }

    @Test
    void optimizersTakePyTorchsDefaultsAndDescribeThemselves() {
        assertEquals(new AdamSettings(0.001, 0.9, 0.999, 1e-8, 0, false), Optimizers.adam());
        assertEquals(new AdamSettings(0.001, 0.9, 0.999, 1e-8, 0.01, true), Optimizers.adamW());
        assertEquals("SGD lr 0.9", Optimizers.sgd(0.9).toString());
        assertEquals("SGD lr 0.01, momentum 0.9, Nesterov, weight decay 0.0005",
                Optimizers.sgd(0.01).momentum(0.9).nesterov(true).weightDecay(5e-4).toString());
        assertEquals("AdamW lr 0.001, weight decay 0.01", Optimizers.adamW().toString());
        assertEquals("Adam lr 0.0003, betas (0.5, 0.99), epsilon 1E-7",
                Optimizers.adam(3e-4).betas(0.5, 0.99).epsilon(1e-7).toString());
        assertEquals("sgd", Optimizers.sgd(1).kind());
        assertEquals("adam", Optimizers.adam().kind());
        assertEquals("adamw", Optimizers.adamW().kind());
    }
}
