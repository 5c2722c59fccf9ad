package netc.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import netc.processor.AdversarialNetworks.Network;
import org.junit.jupiter.api.Test;

/**
 * Networks with names chosen to collide with the generated code's, through a real javac with the
 * runtime on the class path: each must either get a clear {@code [netc.…]} error on a layer field,
 * or generate code that compiles cleanly. Never a javac error inside generated code, never an
 * InternalError. A network that got an error is compiled again with the renames its messages suggest,
 * which must then compile too.
 */
class AdversarialNameTest {
    private static final long SEED = 20_250_301L; // fixed, so a failure reproduces
    private static final int BATCHES = 3;
    private static final int NETWORKS_PER_BATCH = 24;
    private static final Pattern CLASH = Pattern.compile("^\\[netc\\.NameClash\\] (\\S+): .*for example to '([^']+)'$");

    @Test
    void everyNetworkIsReportedOnALayerOrCompiles() throws IOException {
        AdversarialNetworks networks = new AdversarialNetworks(SEED);
        int compiledAsWritten = 0;
        int compiledAfterRename = 0;
        for (int batch = 0; batch < BATCHES; batch++) {
            networks.newBatch();
            List<Network> written = new ArrayList<>();
            for (int i = 0; i < NETWORKS_PER_BATCH; i++) {
                written.add(networks.next());
            }
            Compilation first = compile(written);
            Map<String, Map<String, String>> renames = renamesSuggested(first, written);
            if (renames.isEmpty()) {
                assertCompiled(first, written);
                compiledAsWritten += written.size();
                continue;
            }
            List<Network> second = new ArrayList<>();
            for (Network network : written) {
                Map<String, String> suggested = renames.get(network.unit());
                second.add(suggested == null ? network : network.renamed(suggested));
                compiledAsWritten += suggested == null ? 1 : 0;
                compiledAfterRename += suggested == null ? 0 : 1;
            }
            assertCompiled(compile(second), second);
        }
        // Both outcomes must actually occur, or the names were not adversarial (or not harmless) enough.
        assertTrue(compiledAsWritten >= 10, "only " + compiledAsWritten + " networks compiled as written");
        assertTrue(compiledAfterRename >= 10, "only " + compiledAfterRename + " networks needed a rename");
    }

    private static Compilation compile(List<Network> networks) {
        return Networks.compile(networks.stream().map(AdversarialNameTest::file).toArray(JavaFileObject[]::new));
    }

    private static JavaFileObject file(Network network) {
        return JavaFileObjects.forSourceString(network.unit(), network.source());
    }

    /**
     * Checks that every error is a netc NameClash on a layer field line of the network's own file, and
     * returns the renames the messages suggest, per compilation unit.
     */
    private static Map<String, Map<String, String>> renamesSuggested(Compilation compilation, List<Network> networks) {
        Map<URI, Network> byFile = new HashMap<>();
        networks.forEach(network -> byFile.put(file(network).toUri(), network));
        Map<String, Map<String, String>> renames = new HashMap<>();
        for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
            String message = error.getMessage(null);
            Network network = error.getSource() == null ? null : byFile.get(error.getSource().toUri());
            if (network == null || !message.startsWith("[netc.") || message.contains("[netc.InternalError]")) {
                fail("not a netc error on a network: " + describe(error) + "\n" + everything(networks));
            }
            String line = network.source().lines().toList().get((int) error.getLineNumber() - 1);
            assertTrue(line.contains("netc.Layer "), () -> "not on a layer field: " + describe(error)
                    + "\n" + network.source());
            Matcher clash = CLASH.matcher(message);
            assertTrue(clash.matches(), () -> "not a NameClash with a rename: " + describe(error));
            renames.computeIfAbsent(network.unit(), unit -> new HashMap<>()).put(clash.group(1), clash.group(2));
        }
        return renames;
    }

    /** Compiled without a warning, and no generated local hides a field (which would compile, but wrongly). */
    private static void assertCompiled(Compilation compilation, List<Network> networks) throws IOException {
        if (compilation.status() != Compilation.Status.SUCCESS || !compilation.warnings().isEmpty()) {
            StringBuilder problems = new StringBuilder();
            compilation.diagnostics().forEach(diagnostic -> problems.append(describe(diagnostic)).append('\n'));
            fail("expected a clean compile:\n" + problems + everything(networks));
        }
        assertEquals(2 * networks.size(), compilation.generatedSourceFiles().size());
        for (JavaFileObject generated : compilation.generatedSourceFiles()) {
            Set<String> shadowed = GeneratedShadowing.in(generated);
            assertTrue(shadowed.isEmpty(), () -> generated.getName() + ": locals hide the fields " + shadowed
                    + "\n" + everything(networks));
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        return (diagnostic.getSource() == null ? "" : diagnostic.getSource().getName() + ":" + diagnostic.getLineNumber()
                + ": ") + diagnostic.getKind() + ": " + diagnostic.getMessage(null);
    }

    private static String everything(List<Network> networks) {
        StringBuilder text = new StringBuilder();
        networks.forEach(network -> text.append("// ").append(network.unit()).append('\n').append(network.source()));
        return text.toString();
    }
}
