package netc.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import org.junit.jupiter.api.Test;

/**
 * Finding a network's generated model by reflection, with hand-made stand-ins for generated classes
 * (nested here, so that {@code Outer$X} pairs with {@code Outer$XModel} as {@code p.X} with {@code p.XModel}).
 */
class ModelLookupTest {
    static final class Probe {}

    static final class ProbeModel {
        public static final NetworkInfo INFO = new NetworkInfo("Probe", "p.Probe", 1, 28, 28, 10, List.of(), "h", "summary");
        public static final ModelFactory FACTORY = (device, batch) -> {
            throw new AssertionError("not built in this test");
        };
    }

    static final class Orphan {}

    static final class Stale {}

    static final class StaleModel {
        public static final String INFO = "an older generator's field";
        public static final ModelFactory FACTORY = null;
    }

    @Test
    void readsInfoAndFactoryOfTheModelBesideTheNetwork() {
        CompiledNetwork found = ModelLookup.find(Probe.class);
        assertSame(ProbeModel.INFO, found.info());
        assertSame(ProbeModel.FACTORY, found.factory());
        assertEquals("Probe", found.name());
    }

    @Test
    void aNetworkWithoutAGeneratedModelIsToldHowToGetOne() {
        NetworkLookupException e = assertThrows(NetworkLookupException.class, () -> ModelLookup.find(Orphan.class));
        assertTrue(e.getMessage().contains("has no generated model class " + Orphan.class.getName() + "Model"), e.getMessage());
        assertTrue(e.getMessage().contains("netc-processor"), e.getMessage());
    }

    @Test
    void aModelWithoutTheExpectedConstantsIsRefused() {
        NetworkLookupException e = assertThrows(NetworkLookupException.class, () -> ModelLookup.find(Stale.class));
        assertTrue(e.getMessage().contains("has no public static NetworkInfo INFO"), e.getMessage());
    }
}
