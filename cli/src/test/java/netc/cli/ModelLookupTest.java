package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import netc.samples.LeNet;
import netc.samples.LeNetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Finding a network's generated model by reflection. The networks here are compiled by the real
 * processor with the test sources (a nested one and one in the unnamed package), so the lookup's name
 * rule is checked against the processor's; stand-ins play the broken cases.
 */
class ModelLookupTest {
    static final class Orphan {}

    static final class Stale {}

    @Test
    void readsInfoAndFactoryOfTheModelBesideATopLevelNetwork() {
        CompiledNetwork found = ModelLookup.find(LeNet.class);
        assertSame(LeNetModel.INFO, found.info());
        assertSame(LeNetModel.FACTORY, found.factory());
        assertEquals("LeNet", found.name());
    }

    @Test
    void findsTheModelOfANestedNetworkUnderTheProcessorsName() {
        assertEquals("netc.cli.NestedNetworks_TinyModel", ModelLookup.modelName(NestedNetworks.Tiny.class));
        CompiledNetwork found = ModelLookup.find(NestedNetworks.Tiny.class);
        assertSame(NestedNetworks_TinyModel.INFO, found.info());
        assertSame(NestedNetworks_TinyModel.FACTORY, found.factory());
        assertEquals("netc.cli.NestedNetworks$Tiny", found.info().networkClass());
    }

    @ParameterizedTest
    @ValueSource(strings = {"netc.cli.NestedNetworks$Tiny", "netc.cli.NestedNetworks.Tiny"})
    void resolvesANestedNetworkByItsBinaryOrItsSourceName(String name) {
        assertSame(NestedNetworks_TinyModel.INFO, NetworkResolver.resolve(name).info());
    }

    @Test
    void resolvesANetworkInTheUnnamedPackageByItsSimpleName() throws ReflectiveOperationException {
        CompiledNetwork found = NetworkResolver.resolve("UnnamedPackageNetwork");
        assertEquals("UnnamedPackageNetworkModel", ModelLookup.modelName(found.networkClass()));
        assertSame(Class.forName("UnnamedPackageNetworkModel").getField("INFO").get(null), found.info());
        assertEquals("UnnamedPackageNetwork", found.info().networkClass());
        assertEquals(3, found.info().outputs());
    }

    @Test
    void theCommandLineSummarisesANestedNetwork() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), "summary",
                "netc.cli.NestedNetworks.Tiny");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("Model: Tiny, input (N, 1, 4, 4)"), out.toString());
    }

    @Test
    void aNetworkWithoutAGeneratedModelIsToldHowToGetOne() {
        NetworkLookupException e = assertThrows(NetworkLookupException.class, () -> ModelLookup.find(Orphan.class));
        assertTrue(e.getMessage().contains("has no generated model class netc.cli.ModelLookupTest_OrphanModel"),
                e.getMessage());
        assertTrue(e.getMessage().contains("netc-processor"), e.getMessage());
    }

    @Test
    void aModelWithoutTheExpectedConstantsIsRefused() {
        NetworkLookupException e = assertThrows(NetworkLookupException.class, () -> ModelLookup.find(Stale.class));
        assertTrue(e.getMessage().contains("has no public static NetworkInfo INFO"), e.getMessage());
    }
}

/**
 * A stand-in for the model an older generator wrote for {@link ModelLookupTest.Stale}: named by the
 * rule, without the expected constants. Only reflection reaches it.
 */
final class ModelLookupTest_StaleModel {
    public static final String INFO = "an older generator's field";

    private ModelLookupTest_StaleModel() {}
}
