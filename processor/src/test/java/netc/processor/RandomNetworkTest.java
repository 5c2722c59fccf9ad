package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import netc.processor.RandomNetworks.Generated;
import netc.processor.RandomNetworks.Kind;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of random networks through a real javac, in batches: valid ones must generate code that
 * compiles against the runtime; broken ones must be reported in their own file; nothing, however
 * strange, may crash the processor or leak a non-netc error (which would mean generated code that
 * does not compile).
 */
class RandomNetworkTest {
    private static final long SEED = 20_240_607L; // fixed, so a failure reproduces

    @Test
    void validNetworksGenerateCodeThatCompiles() {
        RandomNetworks networks = new RandomNetworks(SEED);
        for (int batch = 0; batch < 5; batch++) {
            List<JavaFileObject> sources = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Generated network = networks.next("Valid" + batch + "x" + i, Kind.VALID);
                sources.add(Networks.source(network.name(), network.source()));
            }
            Compilation compilation = Networks.compile(sources.toArray(JavaFileObject[]::new));
            assertThat(compilation).succeededWithoutWarnings();
            assertEquals(60, compilation.generatedSourceFiles().size());
        }
    }

    @Test
    void brokenAndStrangeNetworksAreReportedWithoutCrashing() {
        RandomNetworks networks = new RandomNetworks(SEED + 1);
        Kind[] kinds = Kind.values();
        for (int batch = 0; batch < 5; batch++) {
            List<Generated> generated = new ArrayList<>();
            List<JavaFileObject> sources = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Generated network = networks.next("Random" + batch + "x" + i, kinds[i % kinds.length]);
                generated.add(network);
                sources.add(Networks.source(network.name(), network.source()));
            }
            Compilation compilation = Networks.compile(sources.toArray(JavaFileObject[]::new));
            for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
                String message = error.getMessage(null);
                assertTrue(message.startsWith("[netc.") && !message.contains("[netc.InternalError]"),
                        () -> "unexpected error " + message + " in " + error.getSource().getName());
            }
            Map<String, Long> errorsPerFile = compilation.errors().stream()
                    .collect(Collectors.groupingBy(error -> fileName(error.getSource()), Collectors.counting()));
            for (Generated network : generated) {
                long errors = errorsPerFile.getOrDefault(network.name() + ".java", 0L);
                if (network.kind() == Kind.VALID) {
                    assertEquals(0, errors, () -> "valid network reported:\n" + network.source());
                } else if (network.kind() == Kind.BROKEN) {
                    assertTrue(errors > 0, () -> "broken network passed:\n" + network.source() + errorsPerFile);
                }
            }
        }
    }

    private static String fileName(JavaFileObject file) {
        String path = file.toUri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
