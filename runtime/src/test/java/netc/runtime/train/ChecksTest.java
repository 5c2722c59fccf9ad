package netc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import netc.runtime.data.Dataset;
import netc.runtime.model.NetworkInfo;
import org.junit.jupiter.api.Test;

/** The refusals that come before any device work: wrong network for the data, impossible options. */
class ChecksTest {
    private static final Dataset GREY_TEN_CLASSES = new Dataset("Fashion-MNIST", new byte[2 * 4], new byte[2], 2, 2, 2, 10);

    private static NetworkInfo network(int channels, int outputs) {
        return new NetworkInfo("Net", "p.Net", channels, 28, 28, outputs, List.of(), "hash", "");
    }

    @Test
    void aGreyTenClassNetworkOfAnySizeIsAccepted() {
        assertDoesNotThrow(() -> DataCompatibility.check(network(1, 10), GREY_TEN_CLASSES));
    }

    @Test
    void threeInputChannelsAreRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataCompatibility.check(network(3, 10), GREY_TEN_CLASSES));
        assertTrue(e.getMessage().contains("Net takes 3 input channels"), e.getMessage());
        assertTrue(e.getMessage().contains("channels = 1"), e.getMessage());
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

    private static void assertRefused(TrainingOptions options, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingOptionsCheck.validate(options));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
