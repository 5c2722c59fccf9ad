package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated sources of the sample networks, compared with checked-in goldens and compiled
 * against the runtime. The networks are read from the samples module itself, so the goldens always
 * describe the samples users see. A golden that is missing or differs leaves the actual text under
 * {@code target/golden-actual/} to review and copy.
 */
class GoldenTest {
    private static final Path ACTUAL = Path.of("target", "golden-actual");
    /** Maven runs each module's tests in its own directory: the samples' sources are beside this one. */
    private static final Path SAMPLES = Path.of("..", "samples", "src", "main", "java", "netc", "samples");

    @ParameterizedTest
    @ValueSource(strings = {"LeNet", "AlexNet", "LeNetBN"})
    void generatedSourcesMatchGoldenAndCompile(String network) throws IOException {
        Compilation compilation = javac().withProcessors(new NetworkProcessor())
                .compile(JavaFileObjects.forResource(SAMPLES.resolve(network + ".java").toUri().toURL()));
        assertThat(compilation).succeededWithoutWarnings();
        for (String suffix : new String[] {"Model", "Trainer"}) {
            String name = network + suffix;
            JavaFileObject generated = compilation.generatedSourceFile("netc.samples." + name).orElseThrow();
            String actual = generated.getCharContent(false).toString();
            compareWithGolden(name + ".java", actual);
        }
    }

    private static void compareWithGolden(String file, String actual) throws IOException {
        String resource = "golden/" + file;
        try (InputStream golden = GoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (golden == null || !new String(golden.readAllBytes(), StandardCharsets.UTF_8).equals(actual)) {
                Files.createDirectories(ACTUAL);
                Files.writeString(ACTUAL.resolve(file), actual);
            }
            if (golden == null) {
                fail("no golden " + resource + ": review processor/" + ACTUAL.resolve(file)
                        + " and copy it to processor/src/test/resources/" + resource);
            }
        }
        try (InputStream golden = GoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertEquals(new String(golden.readAllBytes(), StandardCharsets.UTF_8), actual,
                    file + " differs from its golden; the actual text is in processor/" + ACTUAL.resolve(file));
        }
    }
}
