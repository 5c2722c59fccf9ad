package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conv2d and Dense, forward and backward, with every GEMM forced to the tiled variant through the
 * {@value GemmVariant#PROPERTY} property (as a user would), against the same layers with the
 * default variant of this device (register blocks on a CPU). Their GEMMs cover NN, NT (also
 * accumulating, when a batch is split into chunks) and TN.
 */
class TiledGemmLayersTest {
    /**
     * The two variants sum each product in a different order in float32. Both stay within ~k·eps of the
     * exact value relative to the summed magnitudes (k at most a few hundred here, eps 6e-8): near 1e-5
     * of the largest element, so 1e-4 leaves a margin, while a wrong or missed term is off by far more.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    /** What one layer computed: its output, input gradient and parameter gradients. */
    record Result(float[] output, float[] dInput, float[] dWeight, float[] dBias) {
        void assertCloseTo(Result expected) {
            assertClose(toDouble(expected.output), output, RELATIVE_TOLERANCE, "output");
            assertClose(toDouble(expected.dInput), dInput, RELATIVE_TOLERANCE, "dInput");
            assertClose(toDouble(expected.dWeight), dWeight, RELATIVE_TOLERANCE, "dWeight");
            assertClose(toDouble(expected.dBias), dBias, RELATIVE_TOLERANCE, "dBias");
        }
    }

    static Stream<ConvGeometry> convolutions() {
        return Stream.of(
                new ConvGeometry(1, 1, 7, 7, 2, 3, 1, 1),      // batch 1, "same" 3x3
                new ConvGeometry(3, 3, 11, 10, 4, 5, 3, 2),    // odd sizes, stride 3
                new ConvGeometry(2, 3, 33, 31, 65, 3, 1, 1),   // 65 output channels: past one 64-row tile
                new ConvGeometry(3, 1, 35, 33, 2, 11, 4, 1));  // AlexNet's first layer, scaled down
    }

    @ParameterizedTest
    @MethodSource("convolutions")
    void convolutionMatchesTheDefaultVariant(ConvGeometry g) {
        Random random = new Random(g.hashCode());
        float[] input = uniform(random, g.batch() * g.inputFloatsPerImage(), 1);
        float[] weight = uniform(random, (long) g.outChannels() * g.patchSize(), 1 / Math.sqrt(g.patchSize()));
        float[] bias = uniform(random, g.outChannels(), 0.5);
        float[] dOutput = uniform(random, g.batch() * g.outputFloatsPerImage(), 1);
        // A column budget of one image splits the batch: the weight gradient then accumulates over chunks.
        long oneImage = (long) g.patchSize() * g.positions();
        Supplier<Conv2d> layer = () -> new Conv2d(device, "conv", g, Activation.TANH, oneImage, Long.MAX_VALUE);
        Result blocked;
        try (Conv2d conv = layer.get()) {
            blocked = run(conv.parameters(), conv::forward, conv::backward, input, weight, bias, dOutput);
        }
        try (Conv2d conv = withTiledGemm(layer)) {
            run(conv.parameters(), conv::forward, conv::backward, input, weight, bias, dOutput).assertCloseTo(blocked);
        }
    }

    @Test
    void denseMatchesTheDefaultVariant() {
        int[][] shapes = {{1, 7, 5}, {3, 33, 65}, {5, 130, 17}};
        for (int[] s : shapes) {
            int batch = s[0], in = s[1], out = s[2];
            Random random = new Random(batch * 1000 + in);
            float[] input = uniform(random, batch * in, 1);
            float[] weight = uniform(random, out * in, 1 / Math.sqrt(in));
            float[] bias = uniform(random, out, 0.5);
            float[] dOutput = uniform(random, batch * out, 1);
            Supplier<Dense> layer = () -> new Dense(device, "dense", batch, in, out, Activation.RELU);
            Result blocked;
            try (Dense dense = layer.get()) {
                blocked = run(dense.parameters(), dense::forward, dense::backward, input, weight, bias, dOutput);
            }
            try (Dense dense = withTiledGemm(layer)) {
                run(dense.parameters(), dense::forward, dense::backward, input, weight, bias, dOutput)
                        .assertCloseTo(blocked);
            }
        }
    }

    /** The property is read when a layer builds its GEMMs, so it is set only around the construction. */
    private static <T> T withTiledGemm(Supplier<T> build) {
        String before = System.getProperty(GemmVariant.PROPERTY);
        System.setProperty(GemmVariant.PROPERTY, GemmVariant.LOCAL_TILED.option());
        try {
            assertEquals(GemmVariant.LOCAL_TILED, GemmVariant.of(device.info()));
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(GemmVariant.PROPERTY);
            } else {
                System.setProperty(GemmVariant.PROPERTY, before);
            }
        }
    }

    interface Forward {
        void forward(Tensor output, Tensor input);
    }

    interface Backward {
        void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output);
    }

    private static Result run(List<Parameter> parameters, Forward forward, Backward backward,
            float[] input, float[] weight, float[] bias, float[] dOutput) {
        parameters.get(0).value().upload(weight);
        parameters.get(1).value().upload(bias);
        try (Tensor in = Workspaces.padded(device, input, 0);
                Tensor out = Workspaces.padded(device, new float[dOutput.length], 0);
                Tensor dOut = Workspaces.padded(device, dOutput, 0);
                Tensor dIn = Workspaces.padded(device, new float[input.length], 0)) {
            forward.forward(out, in);
            backward.backward(dIn, dOut, in, out);
            return new Result(out.download(), dIn.download(), parameters.get(0).grad().download(),
                    parameters.get(1).grad().download());
        }
    }
}
