package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.ops.Conv2dTest.Data;
import netc.runtime.ops.Conv2dTest.DeviceResult;
import netc.runtime.reference.ConvReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WinogradConv2d on the device against the double-precision direct convolution (forward, input, weight
 * and bias gradients), and its gradients against finite differences of its own forward.
 *
 * <p>Float32 error, measured by {@link #alexNetConv4ErrorStaysNearDirectConvolutions} on AlexNet's conv4
 * shape (384 → 384 channels, 12x12, padding 1, batch 2; Xavier-uniform weights, inputs and output
 * gradients uniform in [-1, 1]), as the largest error over the largest reference magnitude, PoCL on
 * Zen 4 (output, dInput, dWeight): F(4x4, 3x3) 1.2e-5, 7.5e-6, 3.6e-6; F(2x2, 3x3) 8.7e-7, 7.4e-7,
 * 5.0e-7; direct im2col + GEMM (Conv2d) 2.5e-6, 4.7e-7, 7.5e-7. F(4x4, 3x3)'s transforms multiply by up
 * to 8 and divide by 24 and then cancel, which costs it 5-16x the direct rounding; 1e-5 of the largest
 * value is still far below the noise of float32 SGD, so the 4x4 tile (4x fewer multiplies in the
 * products, against 2.25x for 2x2) is the default. F(6x6, 3x3) 2.3e-5, 1.5e-5, 3.6e-6: A^T's entries reach
 * 32 and 1/32, doubling F(4x4)'s error for 21% fewer multiplies on this 12x12 shape; still 4x inside the
 * tolerance, and taken only for wide layers where it saves at least a tenth (WinogradTiling#tileFor).
 *
 * <p>On AlexNet's conv2 shape ({@link #alexNetConv2ErrorStaysNearDirectConvolutions}): F(4x4, 5x5) 7.1e-6,
 * 7.5e-6, 8.2e-6; F(2x2, 5x5) 5.8e-6, 6.1e-6, 7.5e-6; direct 1.9e-6, 3.9e-7, 4.8e-7. Points ±1/2 keep
 * F(4x4, 5x5)'s transforms within 21 and 1/360, so its error stays near F(2x2, 5x5)'s with 2.25x fewer
 * products: the default for 5x5.
 */
class WinogradConv2dTest {
    /**
     * Relative to the largest reference value of each result, as Conv2dTest's 1e-4: the measured
     * F(4x4, 3x3) error is ~5e-7 at 3456 terms per sum (and smaller for these small shapes), so 1e-4
     * leaves a wide margin while a wrong transform entry, index or missed tile is off by a sizeable fraction.
     */
    private static final double RELATIVE_TOLERANCE = 1e-4;

    @TestDevice private static Device device;

    record Case(int tile, int kernel, int batch, int inChannels, int height, int width, int outChannels, int padding,
                Activation activation) {
        Case(int tile, int batch, int inChannels, int height, int width, int outChannels, int padding,
             Activation activation) {
            this(tile, 3, batch, inChannels, height, width, outChannels, padding, activation);
        }

        ConvGeometry geometry() {
            return new ConvGeometry(batch, inChannels, height, width, outChannels, kernel, 1, padding);
        }
    }

    /** Channels from {1, 3, 8}, sizes from {1, 4, 5, 7, 12}, batch 1 and 3, padding 0 and 1 (and 2), every activation. */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(4, 1, 1, 1, 1, 1, 1, Activation.RELU),       // 1x1 input: one output, all but the centre tap padding
                new Case(4, 3, 3, 4, 4, 8, 0, Activation.SIGMOID),    // 2x2 output: one ragged tile
                new Case(4, 1, 8, 5, 7, 3, 1, Activation.TANH),       // ragged in both directions
                new Case(4, 3, 8, 12, 12, 8, 1, Activation.RELU),     // AlexNet's 12x12: whole tiles
                new Case(4, 3, 1, 7, 5, 8, 0, Activation.NONE),
                new Case(4, 1, 3, 12, 7, 1, 0, Activation.RELU),
                new Case(4, 3, 3, 5, 12, 3, 1, Activation.NONE),
                new Case(4, 1, 8, 7, 4, 8, 1, Activation.SIGMOID),
                new Case(4, 3, 1, 4, 1, 3, 1, Activation.TANH),       // 1-wide input
                new Case(4, 3, 8, 1, 12, 3, 1, Activation.SIGMOID),   // 1-high input
                new Case(4, 1, 8, 12, 5, 8, 0, Activation.TANH),
                new Case(4, 3, 3, 7, 7, 1, 2, Activation.RELU),       // padding 2: outer tiles read only padding
                // Channel vectors (WinogradTiling.lanes): 16 lanes in and out, then 16 in and 4 out, 4 in and 2 out.
                new Case(4, 2, 16, 6, 7, 32, 1, Activation.RELU),
                new Case(4, 1, 48, 5, 9, 20, 1, Activation.TANH),
                new Case(4, 5, 2, 12, 5, 7, 6, 2, Activation.SIGMOID),
                new Case(2, 3, 3, 7, 5, 8, 1, Activation.RELU),       // F(2x2, 3x3)
                new Case(2, 1, 8, 12, 12, 3, 0, Activation.TANH),
                new Case(2, 3, 1, 5, 4, 3, 2, Activation.NONE),
                new Case(2, 5, 3, 3, 7, 5, 8, 2, Activation.RELU),     // F(2x2, 5x5), "same" padding, ragged
                new Case(2, 5, 1, 8, 12, 12, 3, 2, Activation.TANH),   // AlexNet conv2's 5x5 p2 on a 12x12
                new Case(2, 5, 3, 1, 5, 6, 8, 0, Activation.SIGMOID),  // no padding: 1x2 output
                new Case(2, 5, 1, 3, 1, 4, 3, 4, Activation.NONE),     // padding 4: border tiles see only padding
                new Case(2, 5, 3, 8, 9, 9, 1, 1, Activation.RELU),     // odd size, one output channel
                new Case(4, 5, 3, 3, 7, 5, 8, 2, Activation.RELU),     // F(4x4, 5x5), "same" padding, ragged
                new Case(4, 5, 1, 8, 12, 12, 3, 2, Activation.TANH),   // AlexNet conv2's 5x5 p2 on a 12x12: whole tiles
                new Case(4, 5, 3, 1, 5, 6, 8, 0, Activation.SIGMOID),  // no padding: one ragged 1x2 tile
                new Case(4, 5, 1, 3, 1, 4, 3, 4, Activation.NONE),     // padding 4: border tiles see only padding
                new Case(4, 5, 3, 8, 9, 9, 1, 1, Activation.RELU),     // odd size, one output channel
                new Case(4, 5, 1, 1, 1, 1, 1, 2, Activation.TANH),     // 1x1 input: all but the centre tap padding
                new Case(6, 3, 8, 12, 12, 8, 1, Activation.RELU),     // F(6x6, 3x3): AlexNet's 12x12, whole tiles
                new Case(6, 1, 3, 7, 5, 8, 0, Activation.NONE),       // one ragged 5x3 tile
                new Case(6, 3, 16, 13, 9, 32, 1, Activation.TANH),    // ragged, 16 lanes in and out
                new Case(6, 1, 1, 1, 1, 1, 1, Activation.SIGMOID),    // 1x1 input: all but the centre tap padding
                new Case(6, 3, 3, 7, 7, 1, 2, Activation.RELU));      // padding 2: outer tiles read only padding
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardAndBackwardMatchTheDirectReference(Case c) {
        ConvGeometry g = c.geometry();
        Data data = Data.random(g, 1 + Arrays.hashCode(new int[] {c.batch(), c.height(), c.width(), c.inChannels()}));
        try (WinogradConv2d conv = new WinogradConv2d(device, "conv", g, c.activation(), c.tile(),
                Conv2d.DEFAULT_COLUMN_BUDGET, Conv2d.DEFAULT_RETAINED_BUDGET)) {
            DeviceResult result = Conv2dTest.run(device, conv, g, data, 5, true);
            Conv2dTest.assertReferenceResults(g, c.activation(), data, result, RELATIVE_TOLERANCE);
        }
    }

    /**
     * The same cases with V and M stored non-temporally (threshold 0 floats; a network streams only chunks of
     * {@link WinogradTiling#STREAM_MIN_FLOATS} and more): such stores change where values go on their way to
     * memory, not the values, so the tolerance is the same. Cases with 2, 4, 8 and 16 lanes stream; those with
     * odd channel counts (one lane) store as usual, which this also checks still builds with the option on.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void streamedStoresMatchTheDirectReference(Case c) {
        ConvGeometry g = c.geometry();
        Data data = Data.random(g, 2 + Arrays.hashCode(new int[] {c.batch(), c.height(), c.width(), c.inChannels()}));
        try (WinogradConv2d conv = new WinogradConv2d(device, "conv", g, c.activation(), c.tile(),
                Conv2d.DEFAULT_COLUMN_BUDGET, Conv2d.DEFAULT_RETAINED_BUDGET, 0)) {
            DeviceResult result = Conv2dTest.run(device, conv, g, data, 5, true);
            Conv2dTest.assertReferenceResults(g, c.activation(), data, result, RELATIVE_TOLERANCE);
        }
    }

    /**
     * Streamed stores into chunks of a kept V (each chunk's at its own offset in the buffer, 16 lanes in, 8 out)
     * and into one scratch chunk, against the reference; the threshold sets the kernels' options as documented.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, Long.MAX_VALUE})
    void streamedStoresIntoChunksMatchTheReference(long retainedBudget) {
        ConvGeometry g = new ConvGeometry(4, 16, 7, 6, 24, 3, 1, 1);
        WinogradTiling tiling = new WinogradTiling(g, 4);
        long perImage = tiling.transformedFloatsPerImage(24);
        String all = tiling.defines(2, 0).toOptions();
        assertTrue(all.contains("-D STREAM_V=1") && all.contains("-D STREAM_M=1") && all.contains("-D STREAM_U=1"), all);
        // A chunk of 2 images holds fewer floats of V (16 channels) than of M (24), and U (16 x 24 per element) more:
        // M's size as the threshold streams M and U only.
        assertTrue(tiling.transformedFloats(16, 2) < tiling.transformedFloats(24, 2)
                && tiling.filterFloats() > tiling.transformedFloats(24, 2));
        String notV = tiling.defines(2, tiling.transformedFloats(24, 2)).toOptions();
        assertTrue(notV.contains("-D STREAM_V=0") && notV.contains("-D STREAM_M=1") && notV.contains("-D STREAM_U=1"),
                notV);
        try (WinogradConv2d pairs = new WinogradConv2d(device, "pairs", g, Activation.RELU, 4, 3 * perImage,
                retainedBudget, 0)) {
            assertEquals(2, pairs.imagesPerChunk(), "largest divisor of 4 within a 3-image budget");
            Data data = Data.random(g, 13);
            Conv2dTest.assertReferenceResults(g, Activation.RELU, data, Conv2dTest.run(device, pairs, g, data, 0, true),
                    RELATIVE_TOLERANCE);
            Conv2dTest.assertReferenceResults(g, Activation.RELU, data, Conv2dTest.run(device, pairs, g, data, 0, false),
                    RELATIVE_TOLERANCE);
        }
    }

    @Test
    void publicConstructorMatchesTheReferenceWithALargerWorkspace() {
        ConvGeometry g = new ConvGeometry(3, 3, 7, 5, 8, 3, 1, 1);
        Data data = Data.random(g, 41);
        try (WinogradConv2d conv = new WinogradConv2d(device, "conv", 3, 3, 7, 5, 8, 3, 1, 1, Activation.TANH)) {
            Conv2dTest.assertReferenceResults(g, Activation.TANH, data, Conv2dTest.run(device, conv, g, data, 37, true),
                    RELATIVE_TOLERANCE);
        }
    }

    /** 0: every backward transforms its input again; Long.MAX_VALUE: the forward's V serves the backward. */
    @ParameterizedTest
    @ValueSource(longs = {0, Long.MAX_VALUE})
    void batchesSplitIntoChunksGiveTheSameResults(long retainedBudget) {
        ConvGeometry g = new ConvGeometry(4, 3, 7, 6, 2, 3, 1, 1);
        WinogradTiling tiling = new WinogradTiling(g, 4);
        long perImage = tiling.transformedFloatsPerImage(3);
        try (WinogradConv2d pairs = new WinogradConv2d(device, "pairs", g, Activation.TANH, 4, 3 * perImage,
                retainedBudget)) {
            assertEquals(2, pairs.imagesPerChunk(), "largest divisor of 4 within a 3-image budget");
            assertEquals(retainedBudget > 0, pairs.retainsTransformedInput());
            Data data = Data.random(g, 11);
            Conv2dTest.assertReferenceResults(g, Activation.TANH, data, Conv2dTest.run(device, pairs, g, data, 0, true),
                    RELATIVE_TOLERANCE);
            // A second step must overwrite, not add to, the first's gradients; without dInput V stays for it.
            Conv2dTest.assertReferenceResults(g, Activation.TANH, data, Conv2dTest.run(device, pairs, g, data, 0, false),
                    RELATIVE_TOLERANCE);
        }
    }

    @Test
    void aForwardOnAnotherInputBeforeTheBackwardIsNotMistakenForTheTrainingOne() {
        ConvGeometry g = new ConvGeometry(2, 2, 6, 5, 3, 3, 1, 1);
        Data data = Data.random(g, 21);
        // A budget that keeps V, as the default no longer does.
        try (WinogradConv2d conv = new WinogradConv2d(device, "conv", g, Activation.TANH, WinogradTiling.defaultTile(3),
                Conv2d.DEFAULT_COLUMN_BUDGET, 1L << 20);
             Tensor other = new Tensor(device, g.batch() * (int) g.inputFloatsPerImage());
             Tensor otherOutput = new Tensor(device, g.batch() * (int) g.outputFloatsPerImage())) {
            assertTrue(conv.retainsTransformedInput(), "a layer this small keeps its transformed input within that budget");
            other.upload(uniform(new Random(22), other.size(), 1));
            DeviceResult result = Conv2dTest.run(device, conv, g, data, 0, true, () -> conv.forward(otherOutput, other));
            Conv2dTest.assertReferenceResults(g, Activation.TANH, data, result, RELATIVE_TOLERANCE);
        }
    }

    /**
     * Without an activation the loss {@code Σ output · probe} is linear in the input, the weights and the
     * bias separately, so central differences are exact up to rounding for any step: a step of 0.5 makes
     * the float32 rounding of the loss (~1e-6 of its size, a few units here) negligible, and 1e-4 relative
     * to max(1, |gradient|) still catches any gradient that is not the forward's adjoint.
     */
    @ParameterizedTest
    @CsvSource({"3, 4", "3, 2", "3, 6", "5, 2", "5, 4"}) // kernel, tile
    void gradientsMatchFiniteDifferencesOfTheDeviceForward(int kernel, int tile) {
        ConvGeometry g = new ConvGeometry(2, 2, 5, 6, 3, kernel, 1, kernel / 2);
        Data data = Data.random(g, 31);
        double step = 0.5;
        try (WinogradConv2d conv = new WinogradConv2d(device, "conv", g, Activation.NONE, tile,
                Conv2d.DEFAULT_COLUMN_BUDGET, Conv2d.DEFAULT_RETAINED_BUDGET);
             Tensor input = new Tensor(device, data.input().length);
             Tensor output = new Tensor(device, data.dOutput().length)) {
            DeviceResult analytic = Conv2dTest.run(device, conv, g, data, 0, true);
            float[] x = data.input().clone();
            float[] w = data.weight().clone();
            float[] b = data.bias().clone();
            double[] probe = toDouble(data.dOutput());
            java.util.function.DoubleSupplier loss = () -> {
                input.upload(x);
                conv.parameters().get(0).value().upload(w);
                conv.parameters().get(1).value().upload(b);
                conv.forward(output, input);
                return GradientCheck.dot(toDouble(output.download()), probe);
            };
            assertFiniteDifferences(analytic.dInput(), x, step, loss, "dInput");
            assertFiniteDifferences(analytic.dWeight(), w, step, loss, "dWeight");
            assertFiniteDifferences(analytic.dBias(), b, step, loss, "dBias");
        }
    }

    private static void assertFiniteDifferences(float[] analytic, float[] x, double step,
                                                java.util.function.DoubleSupplier loss, String what) {
        for (int i = 0; i < x.length; i++) {
            float saved = x[i];
            x[i] = (float) (saved + step);
            double plus = loss.getAsDouble();
            x[i] = (float) (saved - step);
            double minus = loss.getAsDouble();
            x[i] = saved;
            double numeric = (plus - minus) / (2 * step);
            double error = Math.abs(numeric - analytic[i]);
            int index = i;
            assertTrue(error <= 1e-4 * Math.max(1, Math.abs(analytic[i])), () -> what + "[" + index + "]: analytic "
                    + analytic[index] + ", finite difference " + numeric);
        }
    }

    /**
     * The error figures in the class comment, printed for both tiles and the direct convolution. The
     * bound is the small shapes' tolerance, about 10x the largest F(4x4, 3x3) error measured here: a
     * transform that lost accuracy (points far from 0, a lower-precision intermediate) would exceed it.
     */
    @Test
    void alexNetConv4ErrorStaysNearDirectConvolutions() {
        assertErrorNearDirect("conv4", new ConvGeometry(2, 384, 12, 12, 384, 3, 1, 1), 4, 4, 2, 6);
    }

    /**
     * F(2x2, 5x5) and F(4x4, 5x5) on AlexNet's conv2 shape (96 → 256 channels, 5x5, padding 2; 13x13 here, half the
     * 26x26 of the network, to keep the double reference quick), batch 1, data as above; bound as above.
     */
    @Test
    void alexNetConv2ErrorStaysNearDirectConvolutions() {
        assertErrorNearDirect("conv2", new ConvGeometry(1, 96, 13, 13, 256, 5, 1, 2), 2, 2, 4);
    }

    /**
     * Xavier-uniform weights, inputs and output gradients uniform in [-1, 1] from {@code seed}; prints the
     * largest relative errors of the direct convolution and of Winograd with each tile, and bounds the latter.
     */
    private static void assertErrorNearDirect(String layer, ConvGeometry g, long seed, int... tiles) {
        Random random = new Random(seed);
        double xavier = Math.sqrt(6.0 / (g.patchSize() + g.outChannels() * g.kernel() * g.kernel()));
        Data data = new Data(uniform(random, g.batch() * g.inputFloatsPerImage(), 1),
                uniform(random, (long) g.outChannels() * g.patchSize(), xavier),
                uniform(random, g.outChannels(), xavier),
                uniform(random, g.batch() * g.outputFloatsPerImage(), 1));
        double[] input = toDouble(data.input());
        double[] weight = toDouble(data.weight());
        double[] output = new double[data.dOutput().length];
        ConvReference.forward(output, input, weight, toDouble(data.bias()), ConvReferenceCheck.shape(g), Activation.NONE);
        double[] dInput = new double[input.length];
        double[] dWeight = new double[weight.length];
        ConvReference.backward(dInput, dWeight, new double[g.outChannels()], toDouble(data.dOutput()), input, weight,
                output, ConvReferenceCheck.shape(g), Activation.NONE);
        double[] direct;
        try (Conv2d conv = new Conv2d(device, layer, g.batch(), g.inChannels(), g.inHeight(), g.inWidth(),
                g.outChannels(), g.kernel(), g.stride(), g.padding(), Activation.NONE)) {
            direct = errors(Conv2dTest.run(device, conv, g, data, 0, true), output, dInput, dWeight);
        }
        for (int tile : tiles) {
            String algorithm = "F(" + tile + "x" + tile + "," + g.kernel() + "x" + g.kernel() + ")";
            try (WinogradConv2d conv = new WinogradConv2d(device, layer, g, Activation.NONE, tile,
                    Conv2d.DEFAULT_COLUMN_BUDGET, Conv2d.DEFAULT_RETAINED_BUDGET)) {
                double[] winograd = errors(Conv2dTest.run(device, conv, g, data, 0, true), output, dInput, dWeight);
                System.out.printf("%s batch %d relative error (output, dInput, dWeight): %s %.1e %.1e %.1e,"
                        + " direct %.1e %.1e %.1e%n", layer, g.batch(), algorithm, winograd[0], winograd[1],
                        winograd[2], direct[0], direct[1], direct[2]);
                for (int i = 0; i < 3; i++) {
                    assertTrue(winograd[i] <= RELATIVE_TOLERANCE, algorithm + " error " + winograd[i]
                            + " against direct " + direct[i] + " (output, dInput, dWeight #" + i + ")");
                }
            }
        }
    }

    /** Largest error over largest reference magnitude, for output, dInput and dWeight. */
    private static double[] errors(DeviceResult result, double[] output, double[] dInput, double[] dWeight) {
        return new double[] {relativeError(output, result.output()), relativeError(dInput, result.dInput()),
                relativeError(dWeight, result.dWeight())};
    }

    private static double relativeError(double[] expected, float[] actual) {
        double largest = 1e-30;
        double error = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            error = Math.max(error, Math.abs(actual[i] - expected[i]));
        }
        return error / largest;
    }

    @Test
    void otherKernelsAndStridesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WinogradConv2d(device, "conv9", 1, 1, 8, 8, 1, 3, 2, 1, Activation.NONE));
        assertTrue(e.getMessage().contains("stride 2") && e.getMessage().contains("Conv2d"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WinogradConv2d(device, "conv9", 1, 1, 8, 8, 1, 7, 1, 3, Activation.NONE));
    }

    @Test
    void theFactoryPicksWinogradForWide3x3And5x5Stride1LayersOnly() {
        assertTrue(Convolutions.usesWinograd(384, 384, 3, 1, 12, 12));
        assertFalse(Convolutions.usesWinograd(384, 384, 3, 2, 12, 12));
        assertTrue(Convolutions.usesWinograd(96, 256, 5, 1, 26, 26));
        assertFalse(Convolutions.usesWinograd(96, 256, 5, 2, 26, 26));
        assertFalse(Convolutions.usesWinograd(1, 96, 11, 1, 54, 54));
        assertFalse(Convolutions.usesWinograd(3, 384, 3, 1, 12, 12));
        assertTrue(Convolutions.usesWinograd(256, 256, 3, 1, 6, 6), "ResNet-18's third stage at 96x96");
        assertFalse(Convolutions.usesWinograd(512, 512, 3, 1, 3, 3), "its last stage: under one 4x4 tile");
        assertEquals(2, WinogradTiling.tileFor(new ConvGeometry(16, 256, 6, 6, 256, 3, 1, 1)), "6x6: nine 2x2 tiles");
        assertEquals(2, WinogradTiling.tileFor(new ConvGeometry(16, 64, 12, 7, 64, 3, 1, 1)), "12x7: under 8 columns");
        assertEquals(6, WinogradTiling.tileFor(new ConvGeometry(64, 384, 12, 12, 384, 3, 1, 1)), "AlexNet's conv4");
        assertEquals(6, WinogradTiling.tileFor(new ConvGeometry(64, 256, 12, 12, 384, 3, 1, 1)), "AlexNet's conv3");
        assertEquals(4, WinogradTiling.tileFor(new ConvGeometry(16, 128, 12, 12, 128, 3, 1, 1)), "ResNet-18's 12x12: narrow");
        assertEquals(4, WinogradTiling.tileFor(new ConvGeometry(16, 256, 28, 28, 256, 3, 1, 1)),
                "28x28: 25 6x6 tiles save under a tenth of 49 4x4 ones' multiplies");
        assertEquals(4, WinogradTiling.tileFor(new ConvGeometry(64, 96, 26, 26, 256, 5, 1, 2)), "AlexNet's conv2");
        try (Convolution wide = Convolutions.create(device, "wide", 1, 64, 4, 4, 64, 3, 1, 1, Activation.RELU);
             Convolution strided = Convolutions.create(device, "strided", 1, 64, 4, 4, 64, 3, 2, 1, Activation.RELU)) {
            assertInstanceOf(WinogradConv2d.class, wide);
            assertInstanceOf(Conv2d.class, strided);
            assertEquals("wide.weight", wide.parameters().get(0).name());
        }
    }
}
