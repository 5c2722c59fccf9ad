package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.reference.SoftmaxCrossEntropyReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoftmaxCrossEntropyTest {
    /**
     * Per-row losses are float log-sum-exps of values <= ~10 (shifted by the max): a few ulps of ~10,
     * ~1e-6; the mean is taken in double. 1e-5 relative covers that with margin.
     */
    private static final double LOSS_TOLERANCE = 1e-5;
    /**
     * A gradient entry is a float softmax (a few ulps of a value <= 1) minus 0 or 1, divided by count:
     * off by ~1e-7 / count. 1e-6 absolute leaves margin and is far below the 1/count of a wrong onehot.
     */
    private static final double GRADIENT_TOLERANCE = 1e-6;

    @TestDevice private static Device device;

    /** Batch 1 and > 1, count below the batch, few and many classes, logits far from zero. */
    @ParameterizedTest
    @CsvSource({"1, 10, 1, 0", "7, 10, 7, 0", "7, 10, 4, 0", "5, 3, 2, 1000", "9, 13, 9, -500", "3, 1, 3, 0"})
    void matchesTheReferenceAndZeroesTheUncountedRows(int batch, int classes, int count, float offset) {
        Random random = new Random(batch * 31 + classes * 7 + count);
        float[] logits = logits(random, batch * classes, offset);
        int[] labels = labels(random, batch, classes);
        Result result = run(batch, classes, count, logits, labels);
        double[] x = TestArrays.toDouble(logits);
        double expectedLoss = SoftmaxCrossEntropyReference.loss(x, labels, classes, count);
        assertEquals(expectedLoss, result.loss.loss(), LOSS_TOLERANCE * Math.max(1, Math.abs(expectedLoss)));
        assertEquals(SoftmaxCrossEntropyReference.correct(x, labels, classes, count), result.loss.correct());
        assertEquals(count, result.loss.count());
        double[] expected = SoftmaxCrossEntropyReference.gradient(x, labels, classes, batch, count);
        for (int i = 0; i < batch * classes; i++) {
            if (i >= count * classes) {
                assertEquals(0f, result.dLogits[i], "uncounted rows get exactly zero, dLogits[" + i + "]");
            } else {
                assertEquals(expected[i], result.dLogits[i], GRADIENT_TOLERANCE, "dLogits[" + i + "]");
            }
        }
    }

    /**
     * dLogits is the gradient of the reported mean loss: compared with a central difference of the
     * double reference loss, step 1e-4, whose truncation error (~h² · |f'''| / 6 < 1e-8) and rounding
     * error (~1e-16 / h) are both far below the float gradient's own 1e-6 tolerance.
     */
    @Test
    void theGradientMatchesFiniteDifferencesOfTheLoss() {
        int batch = 6;
        int classes = 10;
        int count = 5;
        Random random = new Random(2024);
        float[] logits = logits(random, batch * classes, 0);
        int[] labels = labels(random, batch, classes);
        float[] dLogits = run(batch, classes, count, logits, labels).dLogits;
        double[] x = TestArrays.toDouble(logits);
        double step = 1e-4;
        for (int i = 0; i < batch * classes; i++) {
            double saved = x[i];
            x[i] = saved + step;
            double up = SoftmaxCrossEntropyReference.loss(x, labels, classes, count);
            x[i] = saved - step;
            double down = SoftmaxCrossEntropyReference.loss(x, labels, classes, count);
            x[i] = saved;
            assertEquals((up - down) / (2 * step), dLogits[i], GRADIENT_TOLERANCE, "dLogits[" + i + "]");
        }
    }

    @Test
    void tiedLogitsCountAsTheFirstClassAndGiveTheUniformLoss() {
        float[] logits = new float[2 * 4];
        Result result = run(2, 4, 2, logits, new int[] {0, 1});
        assertEquals(1, result.loss.correct(), "torch.argmax picks the first of tied maxima");
        assertEquals(Math.log(4), result.loss.loss(), 1e-6);
    }

    @Test
    void aLabelOutOfRangeGivesANanLossWithoutTouchingOtherMemory() {
        int classes = 4;
        float[] logits = {1, 2, 3, 4, 4, 3, 2, 1, 0, 0, 9, 0};
        Result result = run(3, classes, 3, logits, new int[] {3, 7, -1});
        assertTrue(Float.isNaN(result.loss.loss()), "a bad label makes the mean loss NaN, visibly");
        assertEquals(1, result.loss.correct(), "only the valid row 0 can count");
        double[] softmaxOverCount = SoftmaxCrossEntropyReference.gradient(TestArrays.toDouble(logits), new int[] {3, -1, -1}, classes, 3, 3);
        for (int i = classes; i < 3 * classes; i++) {
            assertEquals(softmaxOverCount[i], result.dLogits[i], GRADIENT_TOLERANCE);
        }
    }

    @Test
    void dLogitsMayOverwriteTheLogits() {
        int batch = 4;
        int classes = 10;
        Random random = new Random(8);
        float[] logits = logits(random, batch * classes, 0);
        int[] labels = labels(random, batch, classes);
        try (SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(device, batch, classes);
                Tensor x = new Tensor(device, batch, classes);
                Buffer y = Buffer.allocate(device, batch)) {
            x.upload(logits);
            y.write(labels);
            loss.forward(x, x, y, 3);
            double[] expected = SoftmaxCrossEntropyReference.gradient(TestArrays.toDouble(logits), labels, classes, batch, 3);
            float[] got = x.download();
            for (int i = 0; i < got.length; i++) {
                assertEquals(expected[i], got[i], GRADIENT_TOLERANCE, "dLogits[" + i + "]");
            }
            assertEquals(SoftmaxCrossEntropyReference.loss(TestArrays.toDouble(logits), labels, classes, 3), loss.read().loss(), 1e-5);
        }
    }

    @Test
    void rejectsABadCountAndReadBeforeForward() {
        try (SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(device, 4, 10);
                Tensor x = new Tensor(device, 4, 10);
                Buffer y = Buffer.allocate(device, 4)) {
            assertThrows(IllegalStateException.class, loss::read);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.forward(x, x, y, 5));
            assertTrue(e.getMessage().contains("count 5"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> loss.forward(x, x, y, 0));
        }
    }

    private record Result(LossResult loss, float[] dLogits) {}

    private Result run(int batch, int classes, int count, float[] logits, int[] labels) {
        try (SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(device, batch, classes);
                Tensor x = new Tensor(device, batch, classes);
                Tensor dx = new Tensor(device, batch, classes);
                Buffer y = Buffer.allocate(device, batch)) {
            x.upload(logits);
            float[] stale = new float[batch * classes];
            Arrays.fill(stale, 42f); // uncounted rows must be overwritten with zeros
            dx.upload(stale);
            y.write(labels);
            loss.forward(dx, x, y, count);
            LossResult result = loss.read();
            return new Result(result, dx.download());
        }
    }

    /** Logits of spread ~8 around {@code offset}: a large offset overflows exp unless the max is subtracted. */
    private static float[] logits(Random random, int count, float offset) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = offset + 4 * (float) random.nextGaussian();
        }
        return values;
    }

    private static int[] labels(Random random, int batch, int classes) {
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }

}
