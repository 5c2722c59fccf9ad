package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BatchNorm on the device against the double-precision reference, and the reference against finite differences. */
class BatchNormTest {
    /**
     * Relative to the tensor's largest magnitude (for dx, its largest term; see assertDxClose). The
     * device sums each channel's n ≤ 720 values in float, eight lanes per plane, then over planes;
     * measured against the double reference: y, dx, dgamma, dbeta and the running statistics within
     * 3.4e-7 for inputs of order 1; within 1.6e-6 (y, dx) and 6.6e-6 (dgamma) for inputs offset by 100,
     * where a float mean near 100 is only resolved to ulp(100)/2 ≈ 3.8e-6, an error PyTorch's float
     * kernels share. 2e-5 leaves a margin of three over that, while a wrong statistic, channel or term
     * moves results by far more.
     */
    private static final double TOLERANCE = 2e-5;

    @TestDevice private static Device device;

    /** A layer shape, how many of its examples are real, and the offset added to the inputs. */
    record Case(int batch, int channels, int spatial, int rows, double offset) {
        long size() {
            return (long) batch * channels * spatial;
        }

        int realSize() {
            return rows * channels * spatial;
        }

        BatchNormReference reference() {
            return new BatchNormReference(channels, spatial, rows);
        }
    }

    /** Batch 1 and > 1, partial batches, BatchNorm1d (spatial 1), each vector width (16, 8, 4, 2, 1 lanes). */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, 3, 25, 1, 0),    // batch 1: statistics over one 5x5 plane per channel, 1 lane
                new Case(4, 3, 35, 4, 0),    // 7x5 planes, 1 lane, reductions' 8-lane loop plus a tail of 3
                new Case(5, 2, 48, 3, 0),    // partial batch, 16 lanes
                new Case(3, 4, 24, 2, 0.5),  // partial batch, 8 lanes
                new Case(2, 3, 12, 2, 0),    // 4 lanes
                new Case(3, 2, 6, 3, 0),     // 2 lanes, planes shorter than the 8-lane loop
                new Case(6, 5, 1, 6, 0),     // BatchNorm1d
                new Case(7, 5, 1, 4, 0),     // BatchNorm1d, partial batch
                new Case(2, 2, 1, 2, 0),     // BatchNorm1d, two values per channel: the least training allows
                new Case(4, 3, 36, 3, 100)); // means far from zero: the two-pass variance must not cancel
    }

    /** Inputs in float as the device sees them; padded examples hold large values the statistics must ignore. */
    record Data(float[] x, float[] gamma, float[] beta, float[] dy) {
        static Data random(Case k, long seed) {
            Random random = new Random(seed);
            float[] x = TestArrays.uniform(random, k.size(), 1);
            for (int i = 0; i < x.length; i++) {
                x[i] = i < k.realSize() ? (float) (x[i] + k.offset()) : 50 * x[i];
            }
            return new Data(x, TestArrays.uniform(random, k.channels(), 0.5f, 1.5f),
                    TestArrays.uniform(random, k.channels(), 1.0), TestArrays.uniform(random, k.size(), 1.0));
        }
    }

    /** What one training step on the device produced. */
    record Step(float[] y, float[] dx, float[] dGamma, float[] dBeta, float[] runningMean, float[] runningVar, long tracked) {}

    @ParameterizedTest
    @MethodSource("cases")
    void aTrainingStepMatchesTheReference(Case k) {
        Data data = Data.random(k, k.hashCode());
        Step step = train(k, data);
        BatchNormReference reference = k.reference();
        double[] x = toDouble(data.x());
        double[] gamma = toDouble(data.gamma());
        BatchNormReference.Gradients expected = reference.backward(toDouble(data.dy()), x, gamma);
        int real = k.realSize();
        assertClose(prefix(reference.trainForward(x, gamma, toDouble(data.beta())), real), prefix(step.y(), real), TOLERANCE, "y");
        assertDxClose(k, data, prefix(expected.dInput(), real), prefix(step.dx(), real));
        assertClose(expected.dGamma(), step.dGamma(), TOLERANCE, "dgamma");
        assertClose(expected.dBeta(), step.dBeta(), TOLERANCE, "dbeta");
        float[] paddedDx = Arrays.copyOfRange(step.dx(), real, step.dx().length);
        assertArrayEquals(new float[paddedDx.length], paddedDx, "padded examples' dx must be exactly 0");
        double[] runningMean = new double[k.channels()];
        double[] runningVar = new double[k.channels()];
        Arrays.fill(runningVar, 1);
        reference.updateRunning(runningMean, runningVar, x);
        assertClose(runningMean, step.runningMean(), TOLERANCE, "running_mean");
        assertClose(runningVar, step.runningVar(), TOLERANCE, "running_var");
        assertEquals(1, step.tracked());
    }

    /**
     * The reference's gradients of L = Σ r·y (r random, y the first {@code rows} examples' output) by
     * central differences in x, gamma and beta; padded inputs must have no influence at all.
     */
    @ParameterizedTest
    @MethodSource("cases")
    void theReferenceGradientsMatchFiniteDifferences(Case k) {
        Data data = Data.random(k, 31L * k.hashCode());
        BatchNormReference reference = k.reference();
        double[] x = toDouble(data.x());
        double[] gamma = toDouble(data.gamma());
        double[] beta = toDouble(data.beta());
        double[] r = toDouble(data.dy());
        Arrays.fill(r, k.realSize(), r.length, 0); // the loss reads real examples only
        BatchNormReference.Gradients analytic = reference.backward(r, x, gamma);
        java.util.function.DoubleSupplier loss = () -> GradientCheck.dot(r, reference.trainForward(x, gamma, beta));
        GradientCheck.check(analytic.dInput(), x, loss, "dx");
        GradientCheck.check(analytic.dGamma(), gamma, loss, "dgamma");
        GradientCheck.check(analytic.dBeta(), beta, loss, "dbeta");
    }

    /** A batch padded from 3 to 5 examples gives the 3-example batch's results, bit for bit. */
    @Test
    void paddedExamplesChangeNothingTheRealOnesGet() {
        Case padded = new Case(5, 3, 20, 3, 0);
        Case exact = new Case(3, 3, 20, 3, 0);
        Data data = Data.random(padded, 5);
        Step withPadding = train(padded, data);
        Step without = train(exact, new Data(prefix(data.x(), exact.realSize()), data.gamma(), data.beta(),
                prefix(data.dy(), exact.realSize())));
        assertArrayEquals(without.y(), prefix(withPadding.y(), exact.realSize()));
        assertArrayEquals(without.dx(), prefix(withPadding.dx(), exact.realSize()));
        assertArrayEquals(without.dGamma(), withPadding.dGamma());
        assertArrayEquals(without.dBeta(), withPadding.dBeta());
        assertArrayEquals(without.runningMean(), withPadding.runningMean());
        assertArrayEquals(without.runningVar(), withPadding.runningVar());
    }

    /** Two training steps (the second on a partial batch) move the running statistics as PyTorch; evaluation uses them. */
    @Test
    void runningStatisticsFollowPyTorchsRuleAndEvaluationUsesThem() {
        Case k = new Case(4, 3, 10, 4, 2);
        Data first = Data.random(k, 1);
        Data second = Data.random(new Case(4, 3, 10, 2, -1), 2);
        Data eval = Data.random(k, 3);
        double[] runningMean = new double[3];
        double[] runningVar = {1, 1, 1};
        k.reference().updateRunning(runningMean, runningVar, toDouble(first.x()));
        new BatchNormReference(3, 10, 2).updateRunning(runningMean, runningVar, toDouble(second.x()));
        try (BatchNorm bn = new BatchNorm(device, "bn", 4, 3, 10);
                Tensor x = new Tensor(device, 4, 3, 10);
                Tensor y = new Tensor(device, 4, 3, 10)) {
            bn.parameters().get(0).value().upload(first.gamma());
            bn.parameters().get(1).value().upload(first.beta());
            x.upload(first.x());
            bn.forward(y, x, Mode.TRAIN, 4);
            x.upload(second.x());
            bn.forward(y, x, Mode.TRAIN, 2);
            assertEquals(2, bn.numBatchesTracked());
            float[] mean = bn.runningMean().value().download();
            float[] var = bn.runningVar().value().download();
            assertClose(runningMean, mean, TOLERANCE, "running_mean after two steps");
            assertClose(runningVar, var, TOLERANCE, "running_var after two steps");

            x.upload(eval.x());
            bn.forward(y, x, Mode.EVAL, 3);
            double[] expected = new BatchNormReference(3, 10, 4).normalize(toDouble(eval.x()), toDouble(first.gamma()),
                    toDouble(first.beta()), toDouble(mean), toDouble(var));
            // Evaluation normalises every example, the padded one too.
            assertClose(expected, y.download(), TOLERANCE, "eval y");
            assertEquals(2, bn.numBatchesTracked(), "evaluation is not a tracked batch");
            assertArrayEquals(mean, bn.runningMean().value().download(), "evaluation leaves running_mean");
            assertArrayEquals(var, bn.runningVar().value().download(), "evaluation leaves running_var");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> bn.backward(y, y, x));
            assertTrue(e.getMessage().contains("last forward pass evaluated"), e.getMessage());
        }
    }

    /**
     * Training without dropout (a replayed reference step) is training for batch norm: the same output bits,
     * the same running statistics and a backward pass, where evaluation would use the running statistics.
     */
    @Test
    void trainingWithoutDropoutNormalisesWithTheBatchAsTrainingDoes() {
        Case k = new Case(4, 3, 10, 4, 2);
        Data data = Data.random(k, 5);
        float[][] train = forwardOnce(data, Mode.TRAIN);
        float[][] withoutDropout = forwardOnce(data, Mode.TRAIN_WITHOUT_DROPOUT);
        for (int i = 0; i < train.length; i++) {
            assertArrayEquals(train[i], withoutDropout[i], "output, running_mean, running_var, dx [" + i + "]");
        }
        float[][] eval = forwardOnce(data, Mode.EVAL);
        assertTrue(!java.util.Arrays.equals(train[0], eval[0]), "evaluation should differ from training here");
    }

    /** y, running_mean, running_var and (after a training forward pass) dx of one pass from fresh state. */
    private static float[][] forwardOnce(Data data, Mode mode) {
        try (BatchNorm bn = new BatchNorm(device, "bn", 4, 3, 10);
                Tensor x = new Tensor(device, 4, 3, 10);
                Tensor y = new Tensor(device, 4, 3, 10);
                Tensor dx = new Tensor(device, 4, 3, 10)) {
            bn.parameters().get(0).value().upload(data.gamma());
            bn.parameters().get(1).value().upload(data.beta());
            x.upload(data.x());
            bn.forward(y, x, mode, 4);
            float[] output = y.download();
            float[] gradient = new float[0];
            if (mode.usesBatchStatistics()) {
                bn.backward(dx, y, x);
                gradient = dx.download();
            }
            return new float[][] {output, bn.runningMean().value().download(), bn.runningVar().value().download(),
                    gradient};
        }
    }

    @Test
    void worksInsideLargerWorkspacesAndInPlaceOnTheGradient() {
        Case k = new Case(3, 2, 12, 2, 0);
        Data data = Data.random(k, 9);
        Step reference = train(k, data);
        int size = (int) k.size();
        try (BatchNorm bn = new BatchNorm(device, "bn", 3, 2, 12);
                Tensor x = Workspaces.padded(device, data.x(), 21);
                Tensor y = Workspaces.padded(device, new float[size], 21);
                Tensor gradient = Workspaces.padded(device, data.dy(), 21)) {
            bn.parameters().get(0).value().upload(data.gamma());
            bn.parameters().get(1).value().upload(data.beta());
            bn.forward(y, x, Mode.TRAIN, 2);
            bn.backward(gradient, gradient, x);
            float[] output = y.download();
            float[] dx = gradient.download();
            Workspaces.assertTailUntouched(output, size, "output");
            Workspaces.assertTailUntouched(dx, size, "dInput");
            Workspaces.assertTailUntouched(x.download(), size, "input");
            assertArrayEquals(reference.y(), prefix(output, size));
            assertArrayEquals(reference.dx(), prefix(dx, size));
        }
    }

    @Test
    void namesKindsAndInitialValuesAreTorchs() {
        try (BatchNorm bn = new BatchNorm(device, "stage1.bn2", 2, 4, 9)) {
            List<Parameter> parameters = bn.parameters();
            assertEquals("stage1.bn2.weight", parameters.get(0).name());
            assertEquals(Parameter.Kind.SCALE, parameters.get(0).kind());
            assertEquals("stage1.bn2.bias", parameters.get(1).name());
            assertEquals(Parameter.Kind.BIAS, parameters.get(1).kind());
            List<StateTensor> state = bn.state();
            assertEquals("stage1.bn2.running_mean", state.get(0).name());
            assertEquals("stage1.bn2.running_var", state.get(1).name());
            assertArrayEquals(new int[] {4}, state.get(0).shape());
            assertArrayEquals(new float[4], state.get(0).value().download());
            assertArrayEquals(new float[] {1, 1, 1, 1}, state.get(1).value().download());
            assertEquals(0, bn.numBatchesTracked());
            bn.setNumBatchesTracked(1234);
            assertEquals(1234, bn.numBatchesTracked());
        }
    }

    @Test
    void rejectsMisuseWithOneSentence() {
        try (BatchNorm bn = new BatchNorm(device, "bn1", 2, 3, 1);
                Tensor x = new Tensor(device, 2, 3);
                Tensor small = new Tensor(device, 5)) {
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> bn.backward(x, x, x));
            assertTrue(early.getMessage().contains("no forward pass ran"), early.getMessage());
            IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                    () -> bn.forward(x, x, Mode.EVAL, 3));
            assertTrue(rows.getMessage().contains("BatchNorm 'bn1'") && rows.getMessage().contains("rows = 3"),
                    rows.getMessage());
            IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                    () -> bn.forward(x, x, Mode.TRAIN, 1));
            assertTrue(single.getMessage().contains("more than one value per channel"), single.getMessage());
            bn.forward(x, x, Mode.EVAL, 1); // one example evaluates fine
            IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
                    () -> bn.forward(small, x, Mode.TRAIN, 2));
            assertTrue(capacity.getMessage().contains("output") && capacity.getMessage().contains("6 are needed"),
                    capacity.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(device, "bn", 2, 0, 4));
        assertThrows(IllegalArgumentException.class, () -> new BatchNorm(device, "bn", 1, 1, 1).setNumBatchesTracked(-1));
    }

    /**
     * dx = gamma·invstd·(dy − mean(dy) − x̂·mean(dy·x̂)) can cancel far below its terms (with two
     * values per channel it is ~eps/var), so its tolerance scales with the largest term,
     * {@code |gamma·invstd·dy|}, not with dx itself.
     */
    private static void assertDxClose(Case k, Data data, double[] expected, float[] actual) {
        BatchNormReference.Statistics stats = k.reference().statistics(toDouble(data.x()));
        double terms = 0;
        for (int i = 0; i < expected.length; i++) {
            int c = i / k.spatial() % k.channels();
            double invstd = 1 / Math.sqrt(stats.variance()[c] + BatchNorm.EPSILON);
            terms = Math.max(terms, Math.abs(data.gamma()[c] * invstd * data.dy()[i]));
            terms = Math.max(terms, Math.abs(expected[i]));
        }
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(actual[i] - expected[i]);
            int index = i;
            double tolerance = TOLERANCE * terms;
            assertTrue(error <= tolerance, () -> "dx[" + index + "]: expected " + expected[index] + ", got "
                    + actual[index] + " (error " + error + " > tolerance " + tolerance + ")");
        }
    }

    /**
     * A batch norm with the activation after it fused gives what the batch norm and an {@link ActivationLayer}
     * give apart, to float32 rounding: within 1e-5 of each tensor's largest value, since the fused kernels
     * form {@code dy = dOutput · act'} in a register and the compiler may contract that product into the sum
     * after it (an FMA rounds once where the two layers round twice), and a sigmoid or tanh computed on
     * other vector widths may differ in its last bit; for ReLU (a select, and a slope of 0 or 1) to the bit. With the gradient written
     * over dOutput as the generated code does, for each activation and every case (partial batches,
     * BatchNorm1d, every lane width).
     */
    @ParameterizedTest
    @MethodSource("cases")
    void aFusedActivationGivesWhatTheTwoLayersGiveApart(Case k) {
        for (Activation activation : new Activation[] {Activation.RELU, Activation.SIGMOID, Activation.TANH}) {
            Data data = Data.random(k, 31L * k.hashCode() + activation.ordinal());
            try (BatchNorm apart = new BatchNorm(device, "bn", k.batch(), k.channels(), k.spatial());
                 ActivationLayer layer = new ActivationLayer(device, activation, k.batch(), k.channels() * k.spatial());
                 BatchNorm fused = new BatchNorm(device, "bn", k.batch(), k.channels(), k.spatial(), activation);
                 Tensor x = new Tensor(device, k.batch(), k.channels(), k.spatial());
                 Tensor y = new Tensor(device, k.batch(), k.channels(), k.spatial());
                 Tensor dy = new Tensor(device, k.batch(), k.channels(), k.spatial());
                 Tensor dx = new Tensor(device, k.batch(), k.channels(), k.spatial())) {
                for (BatchNorm bn : List.of(apart, fused)) {
                    bn.parameters().get(0).value().upload(data.gamma());
                    bn.parameters().get(1).value().upload(data.beta());
                }
                x.upload(data.x());

                apart.forward(y, x, Mode.TRAIN, k.rows());
                layer.forward(y, y);
                float[] activated = y.download();
                dy.upload(data.dy());
                layer.backward(dy, dy, y);
                apart.backward(dx, dy, x);
                float[] dxApart = dx.download();

                double rounding = activation == Activation.RELU ? 0 : 1e-5;
                fused.forward(y, x, Mode.TRAIN, k.rows());
                assertClose(toDouble(activated), y.download(), rounding, activation + ": the activated output");
                dy.upload(data.dy());
                fused.backward(dy, dy, x, y);
                assertClose(toDouble(dxApart), dy.download(), rounding, activation + ": the input gradient, over dOutput");
                assertClose(toDouble(apart.parameters().get(0).grad().download()),
                        fused.parameters().get(0).grad().download(), rounding, activation + ": d gamma");
                assertClose(toDouble(apart.parameters().get(1).grad().download()),
                        fused.parameters().get(1).grad().download(), rounding, activation + ": d beta");
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> fused.backward(dx, dy, x));
                assertTrue(e.getMessage().contains("activated output"), e.getMessage());
            }
        }
    }

    /** Forward (TRAIN, {@code k.rows()} real examples) and backward of one fresh layer. */
    private static Step train(Case k, Data data) {
        try (BatchNorm bn = new BatchNorm(device, "bn", k.batch(), k.channels(), k.spatial());
                Tensor x = new Tensor(device, k.batch(), k.channels(), k.spatial());
                Tensor y = new Tensor(device, k.batch(), k.channels(), k.spatial());
                Tensor dy = new Tensor(device, k.batch(), k.channels(), k.spatial());
                Tensor dx = new Tensor(device, k.batch(), k.channels(), k.spatial())) {
            bn.parameters().get(0).value().upload(data.gamma());
            bn.parameters().get(1).value().upload(data.beta());
            x.upload(data.x());
            dy.upload(data.dy());
            bn.forward(y, x, Mode.TRAIN, k.rows());
            bn.backward(dx, dy, x);
            return new Step(y.download(), dx.download(), bn.parameters().get(0).grad().download(),
                    bn.parameters().get(1).grad().download(), bn.runningMean().value().download(),
                    bn.runningVar().value().download(), bn.numBatchesTracked());
        }
    }

    private static double[] prefix(double[] values, int count) {
        return Arrays.copyOf(values, count);
    }

    private static float[] prefix(float[] values, int count) {
        return Arrays.copyOf(values, count);
    }
}
