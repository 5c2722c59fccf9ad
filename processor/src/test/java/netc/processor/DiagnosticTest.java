package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static netc.processor.Networks.compile;
import static netc.processor.Networks.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per diagnostic: its id, that it is the only error, and the source line javac points at. */
class DiagnosticTest {

    /** Compiles {@code body} and asserts exactly one error, with {@code id}, on the line containing {@code line}. */
    private static Compilation expectOne(String id, String line, String body) {
        JavaFileObject file = source("Net", body);
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc." + id + "]").inFile(file).onLineContaining(line);
        return compilation;
    }

    private static String alexNetWith(String fc1) {
        return """
                @Network(channels = 1, height = 224, width = 224)
                class Net {
                    @Conv(out = 96, kernel = 11, stride = 4, padding = 1, activation = RELU) Layer conv1;
                    @MaxPool(kernel = 3, stride = 2) Layer pool1;
                    @Conv(out = 256, kernel = 5, padding = 2, activation = RELU) Layer conv2;
                    @MaxPool(kernel = 3, stride = 2) Layer pool2;
                    @Conv(out = 384, kernel = 3, padding = 1, activation = RELU) Layer conv3;
                    @Conv(out = 384, kernel = 3, padding = 1, activation = RELU) Layer conv4;
                    @Conv(out = 256, kernel = 3, padding = 1, activation = RELU) Layer conv5;
                    @MaxPool(kernel = 3, stride = 2) Layer pool3;
                """ + "    " + fc1 + " Layer fc1;\n" + """
                    @Dropout(0.5) Layer drop1;
                    @Dense(in = 4096, out = 4096, activation = RELU) Layer fc2;
                    @Dropout(0.5) Layer drop2;
                    @Dense(out = 10) Layer fc3;
                }
                """;
    }

    @Test
    void denseInputMismatchShowsTheArithmeticAndTheFix() {
        Compilation compilation = expectOne("DenseInputMismatch", "@Dense(in = 6000",
                alexNetWith("@Dense(in = 6000, out = 4096, activation = RELU)"));
        assertThat(compilation).hadErrorContaining("[netc.DenseInputMismatch] fc1: @Dense(in = 6000) but pool3"
                + " yields 256×5×5 = 6400 values (pool3: floor((12 + 2·0 − 3) / 2) + 1 = 5);"
                + " write in = 6400 or leave 'in' out");
    }

    @Test
    void denseInputMismatchAfterDenseSaysTheWidth() {
        expectOne("DenseInputMismatch", "in = 100", """
                @Network(channels = 1, height = 4, width = 4)
                class Net {
                    @Dense(out = 64) Layer fc1;
                    @Dense(in = 100, out = 10) Layer fc2;
                }
                """);
    }

    @Test
    void outputTooSmallNamesTheSizes() {
        Compilation compilation = expectOne("OutputTooSmall", "kernel = 7", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @MaxPool(kernel = 2) Layer pool1;
                    @Conv(out = 4, kernel = 7) Layer conv1;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertThat(compilation).hadErrorContaining("conv1: @Conv(kernel = 7) does not fit the 1×4×4 output of pool1:"
                + " its height would be floor((4 + 2·0 − 7) / 1) + 1 = -2, less than 1; use kernel = 4 or less");
    }

    @Test
    void nonPositiveOut() {
        expectOne("NonPositive", "out = 0", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = 0, kernel = 3) Layer conv1;
                }
                """);
    }

    @Test
    void nonPositiveConvStride() {
        expectOne("NonPositive", "stride = 0", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = 2, kernel = 3, stride = 0) Layer conv1;
                }
                """);
    }

    @Test
    void nonPositiveInputDimension() {
        expectOne("NonPositive", "height = 0", """
                @Network(channels = 1,
                         height = 0, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void negativePoolStride() {
        expectOne("NegativeStride", "stride = -1", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @AvgPool(kernel = 2, stride = -1) Layer pool;
                }
                """);
    }

    @Test
    void negativePadding() {
        expectOne("NegativePadding", "padding = -1", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = 2, kernel = 3, padding = -1) Layer conv;
                }
                """);
    }

    @Test
    void poolPaddingOverHalfTheKernel() {
        expectOne("PoolPaddingTooLarge", "padding = 2", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @MaxPool(kernel = 3, padding = 2) Layer pool;
                }
                """);
    }

    @Test
    void dropoutOfOne() {
        expectOne("DropoutRange", "@Dropout(1.0)", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                    @Dropout(1.0) Layer drop;
                }
                """);
    }

    @Test
    void dropoutOfNaN() {
        expectOne("DropoutRange", "Double.NaN", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dropout(Double.NaN) Layer drop;
                }
                """);
    }

    @Test
    void denseInputBelowOne() {
        expectOne("DenseInputInvalid", "in = 0", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(in = 0, out = 10) Layer fc;
                }
                """);
    }

    @Test
    void convolutionAfterDense() {
        expectOne("SpatialAfterDense", "@Conv", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 64) Layer fc1;
                    @Dropout(0.5) Layer drop;
                    @Conv(out = 4, kernel = 3) Layer conv;
                }
                """);
    }

    @Test
    void noLayers() {
        expectOne("NoLayers", "@Network", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    int notALayer;
                }
                """);
    }

    @Test
    void twoLayerAnnotationsOnOneField() {
        expectOne("ConflictingLayers", "@Dropout(0.5)", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10)
                    @Dropout(0.5) Layer fc;
                }
                """);
    }

    @Test
    void layerFieldWithoutAnnotation() {
        expectOne("UnannotatedLayer", "Layer forgotten", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                    Layer forgotten;
                }
                """);
    }

    @Test
    void staticLayerField() {
        expectOne("StaticLayer", "static Layer", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) static Layer fc;
                }
                """);
    }

    @Test
    void layerFieldOfAnotherType() {
        expectOne("LayerFieldType", "Object fc", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Object fc;
                }
                """);
    }

    @Test
    void layerOutsideANetwork() {
        expectOne("LayerOutsideNetwork", "@Dense", """
                class NotANetwork {
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void networkOnAnInterface() {
        expectOne("NetworkNotClass", "@Network", """
                @Network(channels = 1, height = 8, width = 8)
                interface Net {
                }
                """);
    }

    @Test
    void networkOnAnEnum() {
        expectOne("NetworkNotClass", "@Network", """
                @Network(channels = 1, height = 8, width = 8)
                enum Net { A }
                """);
    }

    @Test
    void networkOnARecord() {
        expectOne("NetworkNotClass", "@Network", """
                @Network(channels = 1, height = 8, width = 8)
                record Net(@Dense(out = 10) Layer fc) {
                }
                """);
    }

    @Test
    void privateNestedNetwork() {
        expectOne("NetworkPrivate", "@Network", """
                class Net {
                    @Network(channels = 1, height = 8, width = 8)
                    private static class Inner {
                        @Dense(out = 10) Layer fc;
                    }
                }
                """);
    }

    @Test
    void genericNetwork() {
        expectOne("NetworkGeneric", "@Network", """
                @Network(channels = 1, height = 8, width = 8)
                class Net<T> {
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    @Test
    void innerNetwork() {
        expectOne("NetworkInner", "@Network", """
                class Net {
                    @Network(channels = 1, height = 8, width = 8)
                    class Inner {
                        @Dense(out = 10) Layer fc;
                    }
                }
                """);
    }

    @Test
    void absurdSizesAreReportedNotOverflowed() {
        expectOne("ShapeTooLarge", "out = 2000000000", """
                @Network(channels = 1, height = 224, width = 224)
                class Net {
                    @Dense(out = 2000000000) Layer fc;
                }
                """);
    }

    @Test
    void absurdActivation() {
        expectOne("ShapeTooLarge", "out = 100000", """
                @Network(channels = 1, height = 1000, width = 1000)
                class Net {
                    @Conv(out = 100000, kernel = 1) Layer conv;
                }
                """);
    }

    @Test
    void layerNamedLikeAGeneratedMember() {
        Compilation compilation = expectOne("NameClash", "Layer input", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer input;
                }
                """);
        assertThat(compilation).hadErrorContaining("[netc.NameClash] input: the generated model would name this"
                + " layer's field 'input', a name it already uses for the input tensor field; rename this field,"
                + " for example to 'inputLayer'");
    }

    /** conv1's gradient local {@code dconv1Out} would hide dconv1's output field: wrong gradients, silently. */
    @Test
    void layerWhoseOutputIsNamedLikeAnEarlierLayersGradient() {
        Compilation compilation = expectOne("NameClash", "Layer dconv1", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = 2, kernel = 3) Layer conv1;
                    @Conv(out = 2, kernel = 3) Layer dconv1;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertThat(compilation).hadErrorContaining("dconv1: the generated model would name this layer's output"
                + " tensor field 'dconv1Out', a name it already uses for conv1's output gradient tensor field;"
                + " rename this field, for example to 'dconv1Layer'");
    }

    @Test
    void layerWhoseGradientIsNamedLikeAnEarlierLayer() {
        expectOne("NameClash", "Layer conv1", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Conv(out = 2, kernel = 3) Layer dconv1Out;
                    @Conv(out = 2, kernel = 3) Layer conv1;
                    @Dense(out = 10) Layer fc;
                }
                """);
    }

    /** Every fixed variable name of the generated model, including parameters and types named in expressions. */
    @ParameterizedTest
    @ValueSource(strings = {"device", "batchSize", "mode", "dLogits", "INFO", "FACTORY", "gradientA", "gradientB",
            "Activation", "List", "NetModel"})
    void layerNamedLikeAGeneratedVariable(String name) {
        Compilation compilation = expectOne("NameClash", "Layer " + name + ";", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 4) Layer first;
                    @Dense(out = 4) Layer %s;
                    @Dense(out = 10) Layer last;
                }
                """.formatted(name));
        assertThat(compilation).hadErrorContaining("rename this field, for example to '" + name + "Layer'");
    }

    /** Java keeps methods apart from variables: a layer may share a name with a generated or inherited method. */
    @Test
    void layersNamedLikeMethodsCompile() {
        assertThat(compile(source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 4) Layer forward;
                    @Dropout(0.5) Layer own;
                    @Dense(out = 4) Layer logits;
                    @Dense(out = 10) Layer after;
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void dropoutThatRoundsToOneInFloat32() {
        Compilation compilation = expectOne("DropoutRoundsToOne", "0.9999999999", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                    @Dropout(0.9999999999) Layer drop;
                }
                """);
        assertThat(compilation).hadErrorContaining("drop: @Dropout(0.9999999999) rounds to 1.0 in float32, the"
                + " precision the runtime computes in, and a drop probability of 1 would drop every value;"
                + " write at most 0.99999994, the largest float32 below 1");
    }

    @Test
    void dropoutJustBelowOneInFloat32Compiles() {
        assertThat(compile(source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                    @Dropout(0.99999994) Layer drop;
                }
                """))).succeededWithoutWarnings();
    }

    @Test
    void networkInAMethodBody() {
        Compilation compilation = expectOne("NetworkLocal", "class Local", """
                class Net {
                    void build() {
                        @Network(channels = 1, height = 8, width = 8)
                        class Local {
                            @Dense(out = 10) Layer fc;
                        }
                    }
                }
                """);
        assertThat(compilation).hadErrorContaining("[netc.NetworkLocal] Local: @Network on a class declared inside"
                + " the method 'build' does nothing");
        assertThat(compilation).hadErrorContaining("move 'Local' to the top level");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Runnable task = () -> { @Network(channels = 1, height = 8, width = 8) class Local { @Dense(out = 10) Layer fc; } };",
        "Object anonymous = new Object() { @Network(channels = 1, height = 8, width = 8) class Local { @Dense(out = 10) Layer fc; } };",
        "{ @netc.Network(channels = 1, height = 8, width = 8) class Local { @Dense(out = 10) Layer fc; } }",
        "void build() { class Holder { @Network(channels = 1, height = 8, width = 8) static class Local { @Dense(out = 10) Layer fc; } } }"})
    void networkInALambdaAnAnonymousClassAnInitializerOrAClassInAMethod(String member) {
        expectOne("NetworkLocal", "class Local", "class Net {\n    " + member + "\n}\n");
    }

    @Test
    void anotherAnnotationNamedNetworkOnALocalClassIsNotOurs() {
        JavaFileObject annotation = JavaFileObjects.forSourceString("other.Network",
                "package other;\n\npublic @interface Network {}\n");
        JavaFileObject user = JavaFileObjects.forSourceString("test.Net", """
                package test;

                import other.Network;

                class Net {
                    void build() {
                        @Network class Local {}
                    }
                }
                """);
        assertThat(compile(annotation, user)).succeededWithoutWarnings();
    }

    @Test
    void userClassWithTheGeneratedModelsName() {
        JavaFileObject network = source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                }
                """);
        Compilation compilation = compile(network, source("NetModel", "class NetModel {}\n"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc.GeneratedClassExists] Net: netc generates the class"
                + " test.NetModel for this network, but your class test.NetModel already has that name; rename"
                + " 'Net' or the other class").inFile(network).onLineContaining("class Net");
    }

    @Test
    void userClassWithTheGeneratedTrainersName() {
        JavaFileObject network = source("Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Net {
                    @Dense(out = 10) Layer fc;
                }
                """);
        Compilation compilation = compile(network, source("NetTrainer", "class NetTrainer {}\n"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[netc.GeneratedClassExists] Net: netc generates the class"
                + " test.NetTrainer").inFile(network).onLineContaining("class Net");
    }

    /** A nested Outer.Net and a top-level Outer_Net would both generate Outer_NetModel. */
    @Test
    void twoNetworksWithOneGeneratedName() {
        JavaFileObject nested = source("Outer", """
                class Outer {
                    @Network(channels = 1, height = 8, width = 8)
                    static class Net {
                        @Dense(out = 10) Layer fc;
                    }
                }
                """);
        JavaFileObject topLevel = source("Outer_Net", """
                @Network(channels = 1, height = 8, width = 8)
                class Outer_Net {
                    @Dense(out = 10) Layer fc;
                }
                """);
        Compilation compilation = compile(nested, topLevel);
        assertThat(compilation).hadErrorCount(2); // The model and the trainer.
        assertThat(compilation).hadErrorContaining("[netc.GeneratedClassExists] Outer_Net: netc generates the class"
                + " test.Outer_NetModel for this network, but the model netc generates for the network test.Outer.Net"
                + " already has that name; rename 'Outer_Net' or the other class").inFile(topLevel)
                .onLineContaining("class Outer_Net");
    }
}
