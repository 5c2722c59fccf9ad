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
    void d2lsDefaultsAreValidAndImpossibleOptionsAreNamed() {
        TrainingOptions d = TrainingOptions.defaults();
        assertDoesNotThrow(() -> TrainingOptionsCheck.validate(d));
        assertRefused(new TrainingOptions(0, 256, 0.9, 0, 0, 1, null, Path.of("d"), Path.of("o"), 0, 0, false), "epochs");
        assertRefused(new TrainingOptions(1, 0, 0.9, 0, 0, 1, null, Path.of("d"), Path.of("o"), 0, 0, false), "batch size");
        assertRefused(new TrainingOptions(1, 8, -1, 0, 0, 1, null, Path.of("d"), Path.of("o"), 0, 0, false), "learning rate");
        assertRefused(new TrainingOptions(1, 8, Double.NaN, 0, 0, 1, null, Path.of("d"), Path.of("o"), 0, 0, false), "learning rate");
        assertRefused(new TrainingOptions(1, 8, 0.1, 1.0, 0, 1, null, Path.of("d"), Path.of("o"), 0, 0, false), "momentum");
        assertRefused(new TrainingOptions(1, 8, 0.1, 0, -1e-4, 1, null, Path.of("d"), Path.of("o"), 0, 0, false), "weight decay");
        assertRefused(new TrainingOptions(1, 8, 0.1, 0, 0, 1, null, Path.of("d"), Path.of("o"), -5, 0, false), "training-example limit");
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
        TrainingOptions both = new TrainingOptions(1, 8, 0.1, 0, 0, 1, null, Path.of("d"), Path.of("o"), 0, 0, true, true);
        assertTrue(refusal(both).contains("cannot both be set"));
    }

    private static TrainingOptions withRates(double learningRate, double momentum, double weightDecay) {
        return new TrainingOptions(1, 8, learningRate, momentum, weightDecay, 1, null, Path.of("d"), Path.of("o"), 0, 0,
                false);
    }

    private static String refusal(TrainingOptions options) {
        return assertThrows(IllegalArgumentException.class, () -> TrainingOptionsCheck.validate(options)).getMessage();
    }

    private static void assertRefused(TrainingOptions options, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingOptionsCheck.validate(options));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
