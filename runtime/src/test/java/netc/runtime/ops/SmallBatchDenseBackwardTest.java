package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.ScratchSource;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.DenseReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dense's small-batch weight, bias and input gradients ({@code dense_small_batch.cl}) on the device
 * against the double-precision reference (itself checked against finite differences in DenseTest).
 * They take dz, the gradient before the activation, so the reference runs without one; Dense's own
 * activation gradient in front of them is covered by DenseTest.
 */
class SmallBatchDenseBackwardTest {
    /**
     * Float32 sums of at most 40 order-1 terms (the input gradient's) or 8 (the weight gradient's)
     * round to ~1e-6 of the largest magnitude; 1e-5 leaves a wide margin while a lost tail, chunk or
     * row moves values by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @TestDevice private static Device device;

    record Case(int batch, int in, int out) {}

    /**
     * Inputs below, at and past the vector width with tails; outputs that split into chunks of unequal
     * length (40 rows: 13 chunks of 3 and one of 1) and blocks that slide back.
     */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(1, 3, 5),
                new Case(1, 37, 40),
                new Case(1, 203, 13),
                new Case(2, 21, 17),
                new Case(SmallBatchDenseWeightGradient.MAX_BATCH, 45, 11),
                new Case(SmallBatchDenseWeightGradient.MAX_BATCH, 12, 1));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void gradientsMatchTheReference(Case c) {
        Random random = new Random(13L * c.in() + c.out() + c.batch());
        float[] input = uniform(random, (long) c.batch() * c.in(), 1);
        float[] weight = uniform(random, (long) c.out() * c.in(), 1);
        float[] dz = uniform(random, (long) c.batch() * c.out(), 1);
        double[] dInput = new double[input.length];
        double[] dWeight = new double[weight.length];
        double[] dBias = new double[c.out()];
        DenseReference.backward(dInput, dWeight, dBias, toDouble(dz), toDouble(input), toDouble(weight), null,
                c.batch(), c.in(), c.out(), Activation.NONE);

        SmallBatchDenseWeightGradient weightGradient = new SmallBatchDenseWeightGradient(device, c.batch(), c.in(), c.out());
        try (SmallBatchDenseInputGradient inputGradient = new SmallBatchDenseInputGradient(device, c.batch(), c.in(), c.out(),
                ScratchSource.own(device));
             Tensor x = new Tensor(device, c.batch(), c.in());
             Tensor w = new Tensor(device, c.out(), c.in());
             Tensor g = new Tensor(device, c.batch(), c.out());
             Tensor dw = Workspaces.padded(device, new float[weight.length], 5);
             Tensor db = Workspaces.padded(device, new float[c.out()], 5);
             Tensor dx = Workspaces.padded(device, new float[input.length], 5)) {
            x.upload(input);
            w.upload(weight);
            g.upload(dz);
            weightGradient.run(dw.buffer(), db.buffer(), g.buffer(), x.buffer());
            inputGradient.run(dx.buffer(), g.buffer(), w.buffer());
            assertClose(dWeight, checked(dw, weight.length, "dWeight"), RELATIVE_TOLERANCE, "dWeight of " + c);
            assertClose(dBias, checked(db, c.out(), "dBias"), RELATIVE_TOLERANCE, "dBias of " + c);
            assertClose(dInput, checked(dx, input.length, "dInput"), RELATIVE_TOLERANCE, "dInput of " + c);
        }
    }

    @Test
    void denseUsesThemUpToTheirLargestBatchOnly() {
        assertTrue(SmallBatchDenseWeightGradient.suits(SmallBatchDenseWeightGradient.MAX_BATCH));
        assertFalse(SmallBatchDenseWeightGradient.suits(SmallBatchDenseWeightGradient.MAX_BATCH + 1));
        assertTrue(SmallBatchDenseInputGradient.suits(1));
        assertFalse(SmallBatchDenseInputGradient.suits(SmallBatchDenseInputGradient.MAX_BATCH + 1));
    }

    /** The first {@code used} values, after checking that the sentinels past them are untouched. */
    private static float[] checked(Tensor tensor, int used, String what) {
        float[] values = tensor.download();
        Workspaces.assertTailUntouched(values, used, what);
        return TestArrays.prefix(values, used);
    }
}
