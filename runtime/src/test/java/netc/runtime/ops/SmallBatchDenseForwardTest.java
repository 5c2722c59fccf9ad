package netc.runtime.ops;

import static netc.runtime.ops.TestArrays.assertClose;
import static netc.runtime.ops.TestArrays.toDouble;
import static netc.runtime.ops.TestArrays.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.DenseReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dense's small-batch forward ({@code dense_small_batch.cl}) on the device against the double-precision
 * reference (itself checked against finite differences in DenseTest), on shapes whose inputs are no
 * multiple of the vector width and whose outputs are no multiple of a work-item's rows.
 */
class SmallBatchDenseForwardTest {
    /**
     * Float32 sums of at most 203 terms, each at most 1/√in in magnitude, round to ~1e-6 of the largest
     * output; 1e-5 leaves a wide margin while a lost input tail, a wrong row or a missed bias moves values
     * by a sizeable fraction of it.
     */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @TestDevice private static Device device;

    record Case(int batch, int in, int out, Activation activation) {}

    /** Batch 1, 2 and Dense's largest small batch, each with every activation, on odd shapes. */
    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        int[][] shapes = {
            {3, 5},     // fewer inputs than the narrowest vector: only the scalar tail
            {37, 13},   // two 16-wide slices and a tail of 5; outputs end in a slid-back block
            {203, 9},   // twelve slices and a tail of 11
            {12, 1},    // one 8-wide slice and a tail of 4; a single output
        };
        int[] batches = {1, 2, SmallBatchDenseForward.MAX_BATCH};
        for (int b = 0; b < batches.length; b++) {
            for (Activation activation : Activation.values()) {
                int[] shape = shapes[(b + activation.ordinal()) % shapes.length];
                cases.add(new Case(batches[b], shape[0], shape[1], activation));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardMatchesTheReference(Case c) {
        Data data = Data.random(c, 41L * c.in() + 7L * c.out() + c.batch());
        SmallBatchDenseForward forward = new SmallBatchDenseForward(device, c.activation(), c.batch(), c.in(), c.out());
        assertClose(reference(c, data), run(forward, c, data), RELATIVE_TOLERANCE, "output of " + c);
    }

    /** Every block and vector width the constructor takes gives the same result: slid-back blocks, narrow vectors. */
    @Test
    void everyBlockAndVectorWidthMatchesTheReference() {
        Case c = new Case(3, 45, 11, Activation.TANH);
        Data data = Data.random(c, 3);
        double[] expected = reference(c, data);
        for (int rows = 1; rows <= SmallBatchDenseForward.MAX_ROWS; rows++) {
            for (int width : new int[] {4, 8, 16}) {
                SmallBatchDenseForward forward = new SmallBatchDenseForward(device, c.activation(), c.batch(), c.in(),
                        c.out(), rows, width);
                assertClose(expected, run(forward, c, data), RELATIVE_TOLERANCE, rows + " rows, width " + width);
            }
        }
    }

    @Test
    void denseUsesItUpToTheSmallBatchOnly() {
        assertTrue(SmallBatchDenseForward.suits(1));
        assertTrue(SmallBatchDenseForward.suits(SmallBatchDenseForward.MAX_BATCH));
        assertFalse(SmallBatchDenseForward.suits(SmallBatchDenseForward.MAX_BATCH + 1));
    }

    @Test
    void rowsPerItemKeepTheSumsInRegisters() {
        assertEquals(SmallBatchDenseForward.MAX_ROWS, SmallBatchDenseForward.rowsPerItem(1));
        for (int batch = 1; batch <= SmallBatchDenseForward.MAX_BATCH; batch++) {
            int rows = SmallBatchDenseForward.rowsPerItem(batch);
            assertTrue(rows >= 1 && batch * rows <= SmallBatchDenseForward.MAX_SUMS, "batch " + batch + ": " + rows);
        }
    }

    /** Random inputs, weights scaled so pre-activations stay of order 1. */
    record Data(float[] input, float[] weight, float[] bias) {
        static Data random(Case c, long seed) {
            Random random = new Random(seed);
            return new Data(uniform(random, (long) c.batch() * c.in(), 1),
                    uniform(random, (long) c.out() * c.in(), 1 / Math.sqrt(c.in())),
                    uniform(random, c.out(), 0.5));
        }
    }

    private static double[] reference(Case c, Data data) {
        double[] output = new double[c.batch() * c.out()];
        DenseReference.forward(output, toDouble(data.input()), toDouble(data.weight()), toDouble(data.bias()),
                c.batch(), c.in(), c.out(), c.activation());
        return output;
    }

    /** The output, from an output tensor whose tail of sentinels must stay untouched. */
    private static float[] run(SmallBatchDenseForward forward, Case c, Data data) {
        int size = c.batch() * c.out();
        try (Tensor input = new Tensor(device, c.batch(), c.in());
             Tensor weight = new Tensor(device, c.out(), c.in());
             Tensor bias = new Tensor(device, c.out());
             Tensor output = Workspaces.padded(device, new float[size], 7)) {
            input.upload(data.input());
            weight.upload(data.weight());
            bias.upload(data.bias());
            forward.run(output.buffer(), input.buffer(), weight.buffer(), bias.buffer());
            float[] values = output.download();
            Workspaces.assertTailUntouched(values, size, "output");
            return TestArrays.prefix(values, size);
        }
    }
}
