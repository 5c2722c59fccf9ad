package netc.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import netc.data.FashionMnist;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.data.Normalization;
import netc.runtime.model.NetworkInfo;
import org.junit.jupiter.api.Test;

/** The refusals that come before any device work: wrong network for the data, impossible options. */
class ChecksTest {
    private static final ImageDataset GREY_TEN_CLASSES = ImageDatasets.arrays("Fashion-MNIST", new byte[2][4], new int[2],
            1, 2, 2, FashionMnist.CLASS_NAMES);

    private static NetworkInfo network(int channels, int outputs) {
        return new NetworkInfo("Net", "p.Net", channels, 28, 28, outputs, List.of(), "hash", "");
    }

    @Test
    void aGreyTenClassNetworkOfAnySizeIsAccepted() {
        assertDoesNotThrow(() -> DataCompatibility.check(network(1, 10), GREY_TEN_CLASSES));
    }

    /** Grey images feed an RGB network (each channel gets the grey value), so 3 channels are fine. */
    @Test
    void anRgbNetworkTakesGreyImages() {
        assertDoesNotThrow(() -> DataCompatibility.check(network(3, 10), GREY_TEN_CLASSES));
    }

    @Test
    void inputChannelsOtherThanGreyOrRgbAreRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataCompatibility.check(network(2, 10), GREY_TEN_CLASSES));
        assertEquals("Net takes 2 input channels but Fashion-MNIST has grey (1-channel) images, and only grey and RGB"
                + " inputs are fed; declare @Network(channels = 1, ...) or (channels = 3, ...).", e.getMessage());
    }

    @Test
    void aNormalisationForOtherChannelsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataCompatibility.check(network(1, 10), GREY_TEN_CLASSES,
                        Normalization.parse("0.485,0.456,0.406:0.229,0.224,0.225")));
        assertEquals("The normalisation gives 3 means and stds but Net takes 1 input channels; give one pair for all"
                + " channels or one per channel.", e.getMessage());
    }

    @Test
    void aLastLayerOfTheWrongWidthIsRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataCompatibility.check(network(1, 84), GREY_TEN_CLASSES));
        assertTrue(e.getMessage().contains("84 outputs"), e.getMessage());
        assertTrue(e.getMessage().contains("@Dense(out = 10)"), e.getMessage());
    }

    @Test
    void theDefaultsAreValidAndImpossibleOptionsAreNamed() {
        assertDoesNotThrow(() -> TrainingOptionsCheck.validate(TrainingOptions.defaults()));
        assertRefused(base().epochs(0).build(), "epochs");
        assertRefused(base().batchSize(0).build(), "batch size");
        assertRefused(base().learningRate(-1).build(), "learning rate");
        assertRefused(base().learningRate(Double.NaN).build(), "learning rate");
        assertRefused(withRates(0.1, 1.0, 0), "momentum");
        assertRefused(withRates(0.1, 0, -1e-4), "weight decay");
        assertRefused(base().trainLimit(-5).build(), "training-example limit");
        assertRefused(base().optimizer(null).build(), "an optimizer is required");
        assertRefused(base().schedule(null).build(), "schedule is required");
    }

    /** The defaults suit any network: SGD at 0.01 with momentum 0.9, batch 64, 10 epochs, a constant rate. */
    @Test
    void theDefaultsAreSgdWithMomentumNotLeNetsRecipe() {
        TrainingOptions d = TrainingOptions.defaults();
        assertEquals(Optimizers.sgd(0.01).momentum(0.9), d.optimizer());
        assertEquals(64, d.batchSize());
        assertEquals(10, d.epochs());
        assertEquals(LearningRateSchedule.constant(), d.schedule());
        assertEquals(null, d.earlyStopping());
        assertEquals(42L, d.seed());
    }

    @Test
    void adamsHyperParametersAreCheckedAsFloat32Too() {
        assertEquals("Invalid training options: beta2 must be in [0, 1): 0, or a normal float32 from 1.17549435E-38 to"
                + " 0.99999994, got 1.0.", refusal(base().optimizer(Optimizers.adam().betas(0.9, 1.0)).build()));
        assertTrue(refusal(base().optimizer(Optimizers.adamW().epsilon(1e-50)).build())
                .contains("epsilon must be a normal float32"));
        assertTrue(refusal(base().optimizer(Optimizers.sgd(0.1).nesterov(true)).build())
                .contains("Nesterov momentum needs a momentum above 0"));
        assertDoesNotThrow(() -> TrainingOptionsCheck.validate(base().optimizer(Optimizers.adamW()).build()));
    }

    /** A step decay can take a valid base rate out of float32's range: the epoch is named. */
    @Test
    void aScheduleThatDecaysTheRateBelowFloat32IsRefusedNamingTheEpoch() {
        TrainingOptions options = base().epochs(50).learningRate(0.1)
                .schedule(LearningRateSchedule.step(1, 0.1)).build();
        String message = refusal(options);
        assertTrue(message.startsWith("Invalid training options: the schedule step:1:0.1 makes epoch 38's learning rate"
                + " 1.0000000000000022E-38, which is subnormal"), message);
        assertTrue(message.endsWith("; decay less or train fewer epochs."), message);
        assertDoesNotThrow(() -> TrainingOptionsCheck.validate(options.toBuilder().epochs(30).build()));
    }

    /**
     * The kernels take the learning rate, momentum and weight decay as float32: --lr 1e-50 would become
     * 0 there and train nothing, epoch after epoch. Each is refused in one sentence that names the
     * option, the value, what float32 makes of it and the valid range.
     */
    @Test
    void valuesThatFloat32CannotHoldAreRefusedSayingWhatTheyBecome() {
        assertEquals("Invalid training options: learning rate must be a normal float32 from 1.17549435E-38 to"
                + " 3.4028235E38, got 1.0E-50, which rounds to 0 in float32.", refusal(withRates(1e-50, 0, 0)));
        assertTrue(refusal(withRates(1e-40, 0, 0)).contains("got 1.0E-40, which is subnormal in float32"));
        assertTrue(refusal(withRates(1e39, 0, 0)).contains("got 1.0E39, which overflows float32 to infinity"));
        assertTrue(refusal(withRates(0, 0, 0)).contains("learning rate must be a normal float32"));
        assertTrue(refusal(withRates(Double.POSITIVE_INFINITY, 0, 0)).contains("learning rate"));
        assertEquals("Invalid training options: momentum must be in [0, 1): 0, or a normal float32 from 1.17549435E-38"
                + " to 0.99999994, got 0.999999999, which rounds to 1 in float32.", refusal(withRates(0.1, 0.999999999, 0)));
        assertTrue(refusal(withRates(0.1, 1e-50, 0)).contains("momentum must be in [0, 1)"));
        assertEquals("Invalid training options: weight decay must be 0, or a normal float32 from 1.17549435E-38 to"
                + " 3.4028235E38, got 1.0E-45, which is subnormal in float32 (1.4E-45) and may be flushed to 0 on the"
                + " device.", refusal(withRates(0.1, 0, 1e-45)));
        // The edges float32 holds are accepted: the smallest normal rate, the largest momentum below 1, no decay.
        assertDoesNotThrow(() -> TrainingOptionsCheck.validate(withRates(Float.MIN_NORMAL, 0.99999994, 0)));
        assertDoesNotThrow(() -> TrainingOptionsCheck.validate(withRates(1e30, 0.9, 5e-4)));
    }

    @Test
    void resumingAndOverwritingTogetherIsRefused() {
        TrainingOptions both = base().resume(true).overwrite(true).build();
        assertTrue(refusal(both).contains("cannot both be set"));
    }

    private static TrainingOptions.Builder base() {
        return TrainingOptions.builder().epochs(1).batchSize(8).seed(1).dataDirectory(Path.of("d"))
                .outputDirectory(Path.of("o"));
    }

    private static TrainingOptions withRates(double learningRate, double momentum, double weightDecay) {
        return base().optimizer(Optimizers.sgd(learningRate).momentum(momentum).weightDecay(weightDecay)).build();
    }

    private static String refusal(TrainingOptions options) {
        return assertThrows(IllegalArgumentException.class, () -> TrainingOptionsCheck.validate(options)).getMessage();
    }

    private static void assertRefused(TrainingOptions options, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingOptionsCheck.validate(options));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
