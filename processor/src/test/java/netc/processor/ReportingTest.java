package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static netc.processor.Networks.compile;
import static netc.processor.Networks.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How diagnostics behave across a compile: all at once, without cascades, one network never blocking another. */
class ReportingTest {

    @Test
    void everyMistakeInAClassIsReportedInOneCompile() {
        JavaFileObject file = source("Net", """
                @Network(channels = 1, height = 28, width = 28)
                class Net {
                    @Conv(out = 6, kernel = 5, padding = -2) Layer conv1;
                    @MaxPool(kernel = 2, stride = -2) Layer pool1;
                    @Dense(in = 999, out = 120) Layer fc1;
                    @Dropout(1.5) Layer drop1;
                    static Layer forgotten;
                }
                """);
        Compilation compilation = compile(file);
        // Four attribute mistakes and the stray field; the Dense 'in' is not judged, since conv1's output
        // is unknown, so there is no bogus follow-up error.
        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("[netc.NegativePadding]").inFile(file).onLineContaining("padding = -2");
        assertThat(compilation).hadErrorContaining("[netc.NegativeStride]").inFile(file).onLineContaining("stride = -2");
        assertThat(compilation).hadErrorContaining("[netc.DropoutRange]").inFile(file).onLineContaining("1.5");
        assertThat(compilation).hadErrorContaining("[netc.UnannotatedLayer]").inFile(file).onLineContaining("forgotten");
    }

    @Test
    void shapeChecksGoOnPastAWrongDenseInput() {
        JavaFileObject file = source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(in = 63, out = 32) Layer fc1;
                    @Dense(in = 31, out = 10) Layer fc2;
                }
                """);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("fc1: @Dense(in = 63) but the input yields 1×8×8 = 64 values;")
                .inFile(file).onLineContaining("in = 63");
        assertThat(compilation).hadErrorContaining("fc2: @Dense(in = 31) but fc1 yields 32 values;")
                .inFile(file).onLineContaining("in = 31");
    }

    @Test
    void oneBadNetworkDoesNotStopAnother() {
        JavaFileObject bad = source("Bad", """
                @Network(channels = 1, height = 8, width = 8)
                class Bad {
                    @Conv(out = 2, kernel = 9) Layer conv;
                }
                """);
        JavaFileObject good = source("Good", """
                @Network(channels = 1, height = 8, width = 8)
                class Good {
                    @Dense(out = 10) Layer fc;
                }
                """);
        // A failed compile hides its generated files from compile-testing; the summary note is printed
        // right after a network's sources are written, so it shows that Good's were.
        Compilation compilation = javac().withProcessors(new NetworkProcessor())
                .withOptions("-Anetc.summary=true").compile(bad, good);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc.OutputTooSmall]").inFile(bad).onLineContaining("kernel = 9");
        assertThat(compilation).hadNoteContaining("[netc.Summary] Good").inFile(good).onLineContaining("class Good");
    }

    @Test
    void summaryOptionPrintsTheShapeTableAsANote() {
        JavaFileObject file = source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                }
                """);
        Compilation compilation = javac().withProcessors(new NetworkProcessor())
                .withOptions("-Anetc.summary=true").compile(file);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadNoteContaining("[netc.Summary] Net").inFile(file).onLineContaining("class Net");
        assertThat(compilation).hadNoteContaining("Total params: 650");
    }

    /** A class of the network's package named like a java.lang type the generated code uses must not capture it. */
    @Test
    void generatedCodeCompilesBesideAClassNamedOverride() {
        Compilation compilation = compile(source("Override", "class Override {}\n"), source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.NetModel").contentsAsUtf8String()
                .contains("import java.lang.Override;");
    }

    @Test
    void nestedNetworksGetPrefixedNames() {
        Compilation compilation = compile(source("Outer", """
                class Outer {
                    @Network(channels = 1, height = 8, width = 8)
                    static class Net {
                        @Dense(out = 10) Layer fc;
                    }
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("test.Outer_NetModel").contentsAsUtf8String()
                .contains("\"test.Outer$Net\"");
    }

    @Test
    void aBrokenBlockIsReportedOnceAndStopsOnlyTheNetworksThatUseIt() {
        JavaFileObject block = source("Bad", """
                @Block
                class Bad {
                    @Conv(out = 2, kernel = 3) static Layer conv;
                }
                """);
        JavaFileObject first = source("First", """
                @Network(channels = 1, height = 8, width = 8)
                class First {
                    @Use(Bad.class) Layer bad;
                }
                """);
        JavaFileObject second = source("Second", """
                @Network(channels = 1, height = 8, width = 8)
                class Second {
                    @Use(Bad.class) Layer bad;
                }
                """);
        JavaFileObject good = source("Good", """
                @Block
                class Fine {
                    @ReLU Layer relu;
                }
                @Network(channels = 1, height = 8, width = 8)
                class Good {
                    @Use(Fine.class) Layer fine;
                    @Dense(out = 10) Layer fc;
                }
                """);
        Compilation compilation = javac().withProcessors(new NetworkProcessor())
                .withOptions("-Anetc.summary=true").compile(block, first, second, good);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc.StaticLayer] conv").inFile(block)
                .onLineContaining("static Layer conv");
        assertThat(compilation).hadNoteContaining("[netc.Summary] Good").inFile(good).onLineContaining("class Good");
    }
}
