package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static netc.processor.Networks.compile;
import static netc.processor.Networks.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every layer kind and every join through a real javac: the network compiles, the generated model
 * compiles against the runtime, and it builds and calls its ops as it should.
 */
class GraphCompileTest {

    /** The generated model's source, after asserting that everything compiled cleanly. */
    private static String model(String body) throws IOException {
        Compilation compilation = compile(source("Net", body));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation.generatedSourceFile("test.NetModel").orElseThrow().getCharContent(false).toString();
    }

    private static void assertContains(String model, String... snippets) {
        for (String snippet : snippets) {
            assertTrue(model.contains(snippet), () -> "no '" + snippet + "' in\n" + model);
        }
    }

    @Test
    void batchNormOnImagesAndOnFeaturesWithItsBuffers() throws IOException {
        String model = model("""
                @Network(channels = 1, height = 28, width = 28)
                class Net {
                    @Conv(out = 6, kernel = 5, padding = 2) Layer conv;
                    @BatchNorm Layer bn;
                    @Dense(out = 12) Layer fc;
                    @BatchNorm Layer bn1;
                    @Dense(out = 10) Layer out;
                }
                """);
        assertContains(model,
                "bn = own(new BatchNorm(device, \"bn\", batchSize, 6, 784));",
                "bn1 = own(new BatchNorm(device, \"bn1\", batchSize, 12, 1));",
                "bn.forward(bnOut, convOut, mode, activeRows());",
                "bn.backward(dconvOut, dbnOut, convOut);",
                "public List<StateTensor> buffers() {",
                "bn.state(),",
                "new TensorInfo(\"bn.running_mean\", 1, \"running_mean\", List.of(6))",
                "new TensorInfo(\"bn.num_batches_tracked\", 1, \"num_batches_tracked\", List.of())");
    }

    @Test
    void aBatchNormOnTheInputStillComputesItsParametersGradients() throws IOException {
        String model = model("""
                @Network(channels = 3, height = 4, width = 4)
                class Net {
                    @BatchNorm Layer bn;
                    @Dense(out = 10) Layer fc;
                }
                """);
        // Its input needs no gradient, but the op writes one: into its own output gradient, which it may.
        assertContains(model, "bn.backward(dbnOut, dbnOut, input);");
    }

    @Test
    void standaloneActivationsGlobalPoolingAndFlatten() throws IOException {
        String model = model("""
                @Network(channels = 2, height = 6, width = 6)
                class Net {
                    @Conv(out = 4, kernel = 3) Layer conv;
                    @ReLU Layer relu;
                    @Sigmoid Layer sigmoid;
                    @Tanh Layer tanh;
                    @GlobalAvgPool Layer pool;
                    @Flatten Layer flatten;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertContains(model,
                "relu = own(new ActivationLayer(device, Activation.RELU, batchSize, 64));",
                "sigmoid = own(new ActivationLayer(device, Activation.SIGMOID, batchSize, 64));",
                "tanh.backward(dsigmoidOut, dtanhOut, tanhOut);",
                "pool = own(new GlobalAvgPool(device, batchSize, 4, 4, 4));",
                // The flatten is the pooled tensor read as features: no op, no tensor, no call.
                "fc.forward(fcOut, poolOut);",
                "Tensor dpoolOut = dflattenOut; // (N, 4, 1, 1), the same gradient");
        assertFalse(model.contains("Tensor flattenOut;"), "a flatten has no tensor of its own");
    }

    @Test
    void residualSumsWithIdentityAndProjectedShortcuts() throws IOException {
        String model = model("""
                @Block(join = Join.ADD, activation = RELU)
                class Residual {
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1, stride = Arg.ARG1) Layer conv1;
                    @BatchNorm Layer bn1;
                    @Shortcut(optional = true) @Conv(out = Arg.ARG0, kernel = 1, stride = Arg.ARG1) Layer conv3;
                }
                @Network(channels = 4, height = 8, width = 8)
                class Net {
                    @Use(value = Residual.class, args = {4, 1}) Layer b1;
                    @Use(value = Residual.class, args = {8, 2}) Layer b2;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertContains(model,
                "b1Add.forward(b1AddOut, b1_bn1Out, input);",
                "b2Add.forward(b2AddOut, b2_bn1Out, b2_conv3Out);",
                // b1's output feeds b2's body and shortcut: the shortcut's gradient is written first, the body's added.
                "arithmetic.accumulate(db1ReluOut, gradient");
    }

    @Test
    void branchesConcatenatedAndAnInputConcatenatedWithItsBody() throws IOException {
        String model = model("""
                @Block(join = Join.CONCAT)
                class Mixed {
                    @Branch(0) @Conv(out = 2, kernel = 1) Layer a;
                    @Branch(1) @MaxPool(kernel = 3, stride = 1, padding = 1) Layer b1;
                    @Branch(1) @Conv(out = 3, kernel = 1) Layer b2;
                }
                @Block(join = Join.CONCAT_INPUT)
                class Grow {
                    @BatchNorm Layer bn;
                    @Conv(out = 4, kernel = 3, padding = 1) Layer conv;
                }
                @Network(channels = 1, height = 6, width = 6)
                class Net {
                    @Use(Mixed.class) Layer mix;
                    @Use(value = Grow.class, repeat = 2) Layer grow;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertContains(model,
                "mixConcat = own(new ChannelConcat(device, batchSize, new int[] {2, 3}, 36));",
                "mixConcat.forward(mixConcatOut, List.of(mix_aOut, mix_b2Out));",
                // The first branch reads the network's input, which needs no gradient.
                "mixConcat.backward(List.of(dmix_aOut, dmix_b2Out), dmixConcatOut);",
                "grow_0Concat.forward(grow_0ConcatOut, List.of(mixConcatOut, grow_0_convOut));",
                "grow_1_bn = own(new BatchNorm(device, \"grow[1].bn\", batchSize, 9, 36));");
    }

    @Test
    void aConcatenationOfTheNetworksInputPassesNoGradientThere() throws IOException {
        String model = model("""
                @Block(join = Join.CONCAT_INPUT)
                class Grow {
                    @Conv(out = 2, kernel = 1) Layer conv;
                }
                @Network(channels = 1, height = 4, width = 4)
                class Net {
                    @Use(Grow.class) Layer grow;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertContains(model, "growConcat.backward(Arrays.asList(null, dgrow_convOut), dgrowConcatOut);");
    }

    @Test
    void argumentsPassThroughNestedBlocksAndSetTheRepeat() throws IOException {
        String model = model("""
                @Block
                class Unit {
                    @Conv(out = Arg.ARG0, kernel = 1) Layer conv;
                }
                @Block
                class Stage {
                    @Use(value = Unit.class, args = {Arg.ARG0}, repeat = Arg.ARG1) Layer units;
                }
                @Network(channels = 1, height = 4, width = 4)
                class Net {
                    @Use(value = Stage.class, args = {5, 3}) Layer stage;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertContains(model,
                // 5 channels at stride 1: the direct convolution.
                "stage_units_2_conv = own(new DirectConv2d(device, \"stage.units[2].conv\", batchSize, 5, 4, 4, 5, 1,",
                "new LayerRow(\"stage.units[1].conv\"",
                "List.of(new TorchStep(\"stage\", 0, -1), new TorchStep(\"units\", 0, 1), new TorchStep(\"conv\", 0, -1))");
        assertFalse(model.contains("units_3"), "three copies");
    }

    @Test
    void nodeNamesThatWouldCollideAreMadeDistinct() throws IOException {
        String model = model("""
                @Block
                class Inner {
                    @Conv(out = 2, kernel = 1) Layer conv;
                    @ReLU Layer input;
                    @ReLU Layer gradientA;
                }
                @Network(channels = 1, height = 4, width = 4)
                class Net {
                    @Conv(out = 2, kernel = 1) Layer b_conv;
                    @Use(Inner.class) Layer b;
                    @Dense(out = 10) Layer fc;
                }
                """);
        assertContains(model, "b_conv = own(new DirectConv2d(device, \"b_conv\"",
                "b_conv_2 = own(new DirectConv2d(device, \"b.conv\"",
                "b_input = own(", "b_gradientA = own(");
    }

    @Test
    void theTrainerIsWrittenOnlyWhenTheTrainingModuleIsThere() throws URISyntaxException {
        JavaFileObject network = source("Net", """
                @Network(channels = 1, height = 4, width = 4)
                class Net {
                    @Dense(out = 10) Layer fc;
                }
                """);
        // The DSL and the runtime, as an application that only predicts has them: no netc-train.
        Compilation withoutTraining = javac().withProcessors(new NetworkProcessor())
                .withClasspath(List.of(codeSource(netc.Network.class), codeSource(netc.runtime.model.CompiledModel.class)))
                .compile(network);
        assertThat(withoutTraining).succeededWithoutWarnings();
        assertEquals(List.of("NetModel.java"), withoutTraining.generatedSourceFiles().stream()
                .map(file -> new File(file.toUri().getPath()).getName()).toList());
        assertThat(compile(network)).generatedSourceFile("test.NetTrainer");
    }

    private static File codeSource(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
