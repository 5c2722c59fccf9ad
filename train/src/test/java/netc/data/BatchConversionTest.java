package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.api.Test;

/**
 * What the device makes of stored images for a network's input: channels converted, resized,
 * normalised, and (training only) augmented, against plain-Java references.
 */
class BatchConversionTest {
    // As BatchLoaderTest: the device may contract a·b + c into one fused multiply-add, a few ulps of
    // values in [0, 1]; normalisation divides by std ≥ 0.2, so its results get 5× that.
    private static final float TOLERANCE = 2e-6f;

    @TestDevice private static Device device;

    private static ImageDataset randomBytes(int count, int channels, int height, int width, long seed) {
        byte[][] images = new byte[count][channels * height * width];
        Random random = new Random(seed);
        for (byte[] image : images) {
            random.nextBytes(image);
        }
        return ImageDatasets.arrays("random", images, new int[count], channels, height, width, List.of("only"));
    }

    /** One batch holding the whole dataset, in order, as the device wrote it. */
    private static float[] firstBatch(ImageDataset data, NetworkInput input, Augmentation augmentation, long seed,
                                      int epoch) {
        int batch = data.size();
        try (BatchLoader loader = new BatchLoader(device, data, batch, input, false, seed, augmentation);
             Tensor tensor = new Tensor(device, batch, input.channels(), input.height(), input.width());
             Buffer labels = Buffer.allocate(device, batch)) {
            loader.startEpoch(epoch);
            assertEquals(batch, loader.next(tensor, labels));
            return tensor.download();
        }
    }

    private static float[] image(ImageDataset data, int index) {
        float[] image = new float[data.imageSize()];
        data.readImage(index, image, 0);
        return image;
    }

    @Test
    void rgbImagesFeedAnRgbNetworkExactlyAtEqualSize() {
        ImageDataset data = randomBytes(3, 3, 4, 5, 1);
        float[] values = firstBatch(data, new NetworkInput(3, 4, 5), Augmentation.NONE, 0, 0);
        for (int n = 0; n < 3; n++) {
            assertArrayEquals(image(data, n), Arrays.copyOfRange(values, n * 60, (n + 1) * 60), 0f, "image " + n);
        }
    }

    @Test
    void aGreyImageFillsEveryChannelOfAnRgbNetwork() {
        ImageDataset data = randomBytes(2, 1, 4, 4, 2);
        float[] values = firstBatch(data, new NetworkInput(3, 4, 4), Augmentation.NONE, 0, 0);
        for (int n = 0; n < 2; n++) {
            float[] grey = image(data, n);
            for (int c = 0; c < 3; c++) {
                int start = (n * 3 + c) * 16;
                assertArrayEquals(grey, Arrays.copyOfRange(values, start, start + 16), 0f, "image " + n + " channel " + c);
            }
        }
    }

    @Test
    void anRgbImageFeedsAGreyNetworkAsItsLuma() {
        ImageDataset data = randomBytes(2, 3, 3, 3, 3);
        float[] values = firstBatch(data, new NetworkInput(1, 3, 3), Augmentation.NONE, 0, 0);
        for (int n = 0; n < 2; n++) {
            float[] rgb = image(data, n);
            for (int p = 0; p < 9; p++) {
                float luma = 0.299f * rgb[p] + 0.587f * rgb[9 + p] + 0.114f * rgb[18 + p];
                assertEquals(luma, values[n * 9 + p], TOLERANCE, "image " + n + " pixel " + p);
            }
        }
    }

    @Test
    void rgbImagesAreResizedChannelByChannelAsPyTorchDoes() {
        ImageDataset data = randomBytes(2, 3, 5, 7, 4);
        float[] values = firstBatch(data, new NetworkInput(3, 9, 4), Augmentation.NONE, 0, 0);
        for (int n = 0; n < 2; n++) {
            byte[] bytes = new byte[data.imageSize()];
            data.readBytes(n, bytes, 0);
            for (int c = 0; c < 3; c++) {
                float[] expected = BilinearReference.resize(bytes, c * 35, 5, 7, 9, 4);
                int start = (n * 3 + c) * 36;
                assertArrayEquals(expected, Arrays.copyOfRange(values, start, start + 36), TOLERANCE,
                        "image " + n + " channel " + c);
            }
        }
    }

    @Test
    void floatImagesGoToTheDeviceAsTheyAre() {
        float[][] images = new float[2][2 * 3 * 3];
        Random random = new Random(5);
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        ImageDataset data = ImageDatasets.arrays("floats", images, new int[2], 1, 6, 3);
        float[] values = firstBatch(data, new NetworkInput(1, 6, 3), Augmentation.NONE, 0, 0);
        assertArrayEquals(images[0], Arrays.copyOfRange(values, 0, 18), 0f);
        assertArrayEquals(images[1], Arrays.copyOfRange(values, 18, 36), 0f);
    }

    @Test
    void normalisationIsPerChannelAfterResizing() {
        ImageDataset data = randomBytes(2, 3, 4, 4, 6);
        Normalization normalization = Normalization.perChannel(new double[] {0.485, 0.456, 0.406},
                new double[] {0.229, 0.224, 0.225});
        float[] plain = firstBatch(data, new NetworkInput(3, 4, 4), Augmentation.NONE, 0, 0);
        float[] normalised = firstBatch(data, new NetworkInput(3, 4, 4, normalization), Augmentation.NONE, 0, 0);
        for (int i = 0; i < plain.length; i++) {
            int c = (i / 16) % 3;
            float expected = (plain[i] - normalization.mean(c)) / normalization.std(c);
            assertEquals(expected, normalised[i], 5 * TOLERANCE, "value " + i);
        }
        float[] one = firstBatch(data, new NetworkInput(3, 4, 4, Normalization.of(0.5, 0.25)), Augmentation.NONE, 0, 0);
        for (int i = 0; i < plain.length; i++) {
            assertEquals((plain[i] - 0.5f) / 0.25f, one[i], 5 * TOLERANCE, "one pair for all channels, value " + i);
        }
    }

    /** The device sees exactly what the host's augmentation makes of each image (a float upload, equal size). */
    @Test
    void augmentedBatchesAreTheHostsAugmentationOfEachImage() {
        ImageDataset data = randomBytes(4, 3, 6, 6, 7);
        Augmentation augmentation = Augmentation.builder().randomCrop(2).horizontalFlip().brightness(0.2)
                .contrast(0.2).noise(0.05).build();
        long seed = 13;
        int epoch = 3;
        float[] values = firstBatch(data, new NetworkInput(3, 6, 6), augmentation, seed, epoch);
        for (int n = 0; n < 4; n++) {
            float[] expected = image(data, n);
            augmentation.apply(expected, 0, 3, 6, 6, seed, epoch, n, new float[expected.length]);
            assertArrayEquals(expected, Arrays.copyOfRange(values, n * 108, (n + 1) * 108), 0f, "image " + n);
        }
        assertFalse(Arrays.equals(values, firstBatch(data, new NetworkInput(3, 6, 6), augmentation, seed, epoch + 1)),
                "another epoch, other augmentations");
        assertArrayEquals(values, firstBatch(data, new NetworkInput(3, 6, 6), augmentation, seed, epoch), 0f,
                "a resumed run's epoch is the same bits");
    }

    @Test
    void uploadSizesFollowTheStorage() {
        ImageDataset bytes = randomBytes(1, 3, 4, 4, 8);
        assertEquals(48, BatchLoader.uploadBytesPerImage(bytes, Augmentation.NONE));
        assertEquals(4 * 48, BatchLoader.uploadBytesPerImage(bytes, Augmentation.builder().horizontalFlip().build()));
        ImageDataset floats = ImageDatasets.arrays("f", new float[1][16], new int[1], 1, 4, 4);
        assertEquals(4 * 16, BatchLoader.uploadBytesPerImage(floats, Augmentation.NONE));
    }
}
