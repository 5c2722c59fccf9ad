package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.api.Test;

class BatchLoaderTest {
    // The kernel and the reference do the same float operations, but the device may contract a·b + c
    // into one fused multiply-add (-cl-mad-enable): a few ulps of values in [0, 1], far under 2e-6.
    private static final float TOLERANCE = 2e-6f;

    @TestDevice private static Device device;

    /** {@code count} images of rows×cols whose every pixel is 20·(index mod 12), labelled index mod 10. */
    private static ImageDataset numbered(int count, int rows, int cols) {
        byte[][] images = new byte[count][rows * cols];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            Arrays.fill(images[i], (byte) (20 * (i % 12)));
            labels[i] = i % 10;
        }
        return ImageDatasets.arrays("numbered", images, labels, 1, rows, cols, Labels.numbered(10));
    }

    private static ImageDataset random(int count, int rows, int cols, long seed) {
        byte[][] images = new byte[count][rows * cols];
        Random random = new Random(seed);
        for (byte[] image : images) {
            random.nextBytes(image);
        }
        return ImageDatasets.arrays("random", images, new int[count], 1, rows, cols, Labels.numbered(10));
    }

    /** Every image's bytes, one after another. */
    static byte[] packed(ImageDataset data) {
        byte[] pixels = new byte[data.size() * data.imageSize()];
        for (int i = 0; i < data.size(); i++) {
            data.readBytes(i, pixels, i * data.imageSize());
        }
        return pixels;
    }

    /** The example behind each real row of every batch of one epoch, from the pixels the device wrote. */
    private static List<Integer> epochExamples(BatchLoader loader, int epoch, Tensor input, Buffer labels,
                                               List<Integer> rowsPerBatch) {
        List<Integer> seen = new ArrayList<>();
        loader.startEpoch(epoch);
        int imageSize = input.dimension(2) * input.dimension(3);
        for (int rows; (rows = loader.next(input, labels)) > 0; ) {
            rowsPerBatch.add(rows);
            float[] values = input.download();
            int[] batchLabels = labels.readInts(0, input.dimension(0));
            for (int row = 0; row < rows; row++) {
                int code = Math.round(values[row * imageSize] * 255 / 20);
                // pixel code is index mod 12 and the label index mod 10: together, index mod 60
                int index = -1;
                for (int candidate = 0; candidate < 60; candidate++) {
                    if (candidate % 12 == code && candidate % 10 == batchLabels[row]) {
                        index = candidate;
                    }
                }
                seen.add(index);
            }
            for (int row = rows; row < input.dimension(0); row++) {
                assertEquals(0, batchLabels[row], "label past the batch end");
            }
        }
        return seen;
    }

    @Test
    void everyExampleComesExactlyOnceAndTheLastBatchIsPartial() {
        ImageDataset data = numbered(23, 5, 5);
        try (BatchLoader loader = new BatchLoader(device, data, 4, 1, 5, 5, true, 11);
             Tensor input = new Tensor(device, 4, 1, 5, 5);
             Buffer labels = Buffer.allocate(device, 4)) {
            assertEquals(6, loader.batchesPerEpoch());
            for (int epoch = 0; epoch < 2; epoch++) {
                List<Integer> rows = new ArrayList<>();
                List<Integer> seen = epochExamples(loader, epoch, input, labels, rows);
                assertEquals(List.of(4, 4, 4, 4, 4, 3), rows);
                List<Integer> sorted = new ArrayList<>(seen);
                sorted.sort(null);
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < 23; i++) {
                    all.add(i);
                }
                assertEquals(all, sorted);
                int[] expected = EpochOrder.of(23, true, 11, epoch);
                assertEquals(Arrays.stream(expected).boxed().toList(), seen, "epoch " + epoch + " order");
            }
            assertEquals(0, loader.next(input, labels), "an epoch that is over stays over");
        }
    }

    @Test
    void withoutShuffleBatchesFollowTheDataset() {
        ImageDataset data = numbered(7, 3, 3);
        try (BatchLoader loader = new BatchLoader(device, data, 3, 1, 3, 3, false, 0);
             Tensor input = new Tensor(device, 3, 1, 3, 3);
             Buffer labels = Buffer.allocate(device, 3)) {
            List<Integer> rows = new ArrayList<>();
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), epochExamples(loader, 0, input, labels, rows));
            assertEquals(List.of(3, 3, 1), rows);
        }
    }

    @Test
    void aResumedRunSeesTheSameBatchesAsAnUninterruptedOne() {
        ImageDataset data = numbered(30, 2, 2);
        try (Tensor input = new Tensor(device, 8, 1, 2, 2); Buffer labels = Buffer.allocate(device, 8)) {
            List<Integer> uninterrupted;
            try (BatchLoader loader = new BatchLoader(device, data, 8, 1, 2, 2, true, 5)) {
                epochExamples(loader, 0, input, labels, new ArrayList<>());
                epochExamples(loader, 1, input, labels, new ArrayList<>());
                uninterrupted = epochExamples(loader, 2, input, labels, new ArrayList<>());
            }
            try (BatchLoader resumed = new BatchLoader(device, data, 8, 1, 2, 2, true, 5)) {
                assertEquals(uninterrupted, epochExamples(resumed, 2, input, labels, new ArrayList<>()));
            }
        }
    }

    @Test
    void restartingAnEpochMidwayStartsItAfresh() {
        ImageDataset data = numbered(20, 2, 2);
        try (BatchLoader loader = new BatchLoader(device, data, 3, 1, 2, 2, true, 9);
             Tensor input = new Tensor(device, 3, 1, 2, 2);
             Buffer labels = Buffer.allocate(device, 3)) {
            loader.startEpoch(4);
            loader.next(input, labels);
            loader.next(input, labels);
            List<Integer> seen = epochExamples(loader, 4, input, labels, new ArrayList<>());
            assertEquals(Arrays.stream(EpochOrder.of(20, true, 9, 4)).boxed().toList(), seen);
        }
    }

    @Test
    void rowsPastTheBatchEndAreZeroed() {
        ImageDataset data = random(5, 4, 4, 3);
        try (BatchLoader loader = new BatchLoader(device, data, 4, 1, 6, 6, false, 0);
             Tensor input = new Tensor(device, 4, 1, 6, 6);
             Buffer labels = Buffer.allocate(device, 4)) {
            float[] stale = new float[4 * 36];
            Arrays.fill(stale, 7f);
            input.upload(stale);
            loader.startEpoch(0);
            assertEquals(4, loader.next(input, labels));
            input.upload(stale);
            assertEquals(1, loader.next(input, labels));
            float[] values = input.download();
            assertArrayEquals(BilinearReference.resize(packed(data), 4 * 16, 4, 4, 6, 6),
                    Arrays.copyOfRange(values, 0, 36), TOLERANCE);
            assertArrayEquals(new float[3 * 36], Arrays.copyOfRange(values, 36, 4 * 36));
        }
    }

    private static void checkResize(int batch, int rows, int cols, int height, int width) {
        ImageDataset data = random(batch, rows, cols, 31L * rows + width);
        try (BatchLoader loader = new BatchLoader(device, data, batch, 1, height, width, false, 0);
             Tensor input = new Tensor(device, batch, 1, height, width);
             Buffer labels = Buffer.allocate(device, batch)) {
            loader.startEpoch(0);
            assertEquals(batch, loader.next(input, labels));
            float[] values = input.download();
            for (int n = 0; n < batch; n++) {
                float[] expected = BilinearReference.resize(packed(data), n * rows * cols, rows, cols, height, width);
                float[] actual = Arrays.copyOfRange(values, n * height * width, (n + 1) * height * width);
                assertArrayEquals(expected, actual, TOLERANCE,
                        rows + "×" + cols + " → " + height + "×" + width + ", image " + n);
            }
        }
    }

    @Test
    void upsamples28To224AsPyTorchDoes() {
        checkResize(2, 28, 28, 224, 224);
    }

    @Test
    void resizesOddAndUnequalSizes() {
        checkResize(3, 5, 5, 7, 7);
        checkResize(1, 5, 6, 7, 9);
        checkResize(2, 7, 9, 5, 4); // downsampling
    }

    @Test
    void equalSizesAreExactlyTheScaledBytes() {
        ImageDataset data = random(3, 28, 28, 8);
        try (BatchLoader loader = new BatchLoader(device, data, 3, 1, 28, 28, false, 0);
             Tensor input = new Tensor(device, 3, 1, 28, 28);
             Buffer labels = Buffer.allocate(device, 3)) {
            loader.startEpoch(0);
            loader.next(input, labels);
            float[] values = input.download();
            for (int i = 0; i < values.length; i++) {
                assertEquals((packed(data)[i] & 0xff) / 255.0f, values[i], 0f);
            }
        }
    }

    @Test
    void theReferenceMatchesPyTorchOnAHandWorkedCase() {
        // F.interpolate(tensor([[[[0., 1.]]]]), size=(1, 4), mode='bilinear', align_corners=False)
        // is [0, 0.25, 0.75, 1]: source x = 0.5·(dst + 0.5) − 0.5 = −0.25→0, 0.25, 0.75, 1.25→edge.
        assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f},
                BilinearReference.resize(new byte[] {0, (byte) 255}, 0, 1, 2, 1, 4), 1e-7f);
    }

    @Test
    void labelsArriveAsInts() {
        ImageDataset data = numbered(4, 2, 2);
        try (BatchLoader loader = new BatchLoader(device, data, 4, 1, 2, 2, false, 0);
             Tensor input = new Tensor(device, 4, 1, 2, 2);
             Buffer labels = Buffer.allocate(device, 4)) {
            loader.startEpoch(0);
            loader.next(input, labels);
            assertArrayEquals(new int[] {0, 1, 2, 3}, labels.readInts(0, 4));
        }
    }

    @Test
    void aNetworkWithTwoChannelsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchLoader(device, numbered(2, 2, 2), 2, 2, 2, 2, false, 0));
        assertTrue(e.getMessage().contains("2 input channels"), e.getMessage());
        assertTrue(e.getMessage().contains("numbered has grey (1-channel) images"), e.getMessage());
    }

    @Test
    void anInputTensorOfAnotherShapeIsRefused() {
        try (BatchLoader loader = new BatchLoader(device, numbered(2, 2, 2), 2, 1, 2, 2, false, 0);
             Tensor input = new Tensor(device, 2, 1, 3, 3);
             Buffer labels = Buffer.allocate(device, 2)) {
            loader.startEpoch(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loader.next(input, labels));
            assertTrue(e.getMessage().contains("[2, 1, 3, 3]"), e.getMessage());
        }
    }
}
