package netc.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pictures to network inputs: pixel scaling, channel conversion and bilinear resizing against
 * PyTorch's published values and an independent double-precision reference of its formula.
 */
class ImageInputTest {
    @TempDir
    Path dir;

    @Test
    void greyPixelsAreDividedBy255AtTheNetworksOwnSize() {
        BufferedImage image = grey(new int[][] {{0, 1, 2}, {128, 254, 255}});
        assertArrayEquals(new float[] {0f, 1 / 255f, 2 / 255f, 128 / 255f, 254 / 255f, 1f},
                ImageInput.convert(image, 1, 2, 3), 0f);
    }

    @Test
    void greyIsReadFromTheRasterNotThroughTheLinearGreyColourSpace() {
        // getRGB reports 128 as 188: Java's grey colour space is linear, sRGB is not.
        BufferedImage image = grey(new int[][] {{128}});
        int viaGetRgb = (image.getRGB(0, 0) >> 16) & 0xff;
        assertTrue(viaGetRgb > 170, "getRGB's brightening, which the conversion avoids, gives " + viaGetRgb);
        assertArrayEquals(new float[] {128 / 255f}, ImageInput.convert(image, 1, 1, 1), 0f);
    }

    @Test
    void sixteenBitGreyIsRoundedToEightBitsAsDatasetsStoreIt() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSample(0, 0, 0, 65535);
        image.getRaster().setSample(1, 0, 0, 32768); // 127.5019... → 128
        image.getRaster().setSample(2, 0, 0, 257 * 7 + 128); // 7.498 → 7
        assertArrayEquals(new float[] {1f, 128 / 255f, 7 / 255f}, ImageInput.convert(image, 1, 1, 3), 0f);
    }

    @Test
    void upsamplingTwoByTwoToFourByFourGivesPyTorchsValues() {
        // F.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=(4, 4), mode='bilinear', align_corners=False)
        double[] torch = {0.0, 0.25, 0.75, 1.0, 0.5, 0.75, 1.25, 1.5, 1.5, 1.75, 2.25, 2.5, 2.0, 2.25, 2.75, 3.0};
        BufferedImage image = grey(new int[][] {{0, 85}, {170, 255}}); // 0, 1, 2, 3 times 85
        float[] input = ImageInput.convert(image, 1, 4, 4);
        for (int i = 0; i < torch.length; i++) {
            assertEquals(torch[i] * 85 / 255, input[i], 1e-6, "pixel " + i);
        }
    }

    @ParameterizedTest(name = "{0}×{1} to {2}×{3}")
    @CsvSource({"5, 7, 3, 4", "3, 3, 8, 5", "28, 28, 32, 32", "1, 4, 3, 2", "6, 6, 6, 6"})
    void resizingMatchesADoublePrecisionReferenceOfTorchsFormula(int inH, int inW, int outH, int outW) {
        Random random = new Random(inH * 1000L + inW * 100L + outH * 10L + outW);
        int[][] pixels = new int[inH][inW];
        for (int[] row : pixels) {
            for (int x = 0; x < inW; x++) {
                row[x] = random.nextInt(256);
            }
        }
        float[] input = ImageInput.convert(grey(pixels), 1, outH, outW);
        double[] expected = referenceResize(pixels, outH, outW);
        for (int i = 0; i < expected.length; i++) {
            // float32 steps against double ones: a few ulps of values in [0, 1].
            assertEquals(expected[i], input[i], 1e-6, "pixel " + i);
        }
    }

    @Test
    void colourFeedsThreeChannelsAsRgbPlanes() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x102030);
        image.setRGB(1, 0, 0xff8000);
        assertArrayEquals(new float[] {0x10 / 255f, 1f, 0x20 / 255f, 0x80 / 255f, 0x30 / 255f, 0f},
                ImageInput.convert(image, 3, 1, 2), 0f);
    }

    @Test
    void colourFeedsOneChannelAsItsLuma() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0x00c86432); // alpha 0 is ignored
        float expected = 0.299f * (200 / 255f) + 0.587f * (100 / 255f) + 0.114f * (50 / 255f);
        assertArrayEquals(new float[] {expected}, ImageInput.convert(image, 1, 1, 1), 1e-7f);
    }

    @Test
    void greyFeedsThreeChannelsAsThreeEqualPlanes() {
        BufferedImage image = grey(new int[][] {{10, 20}});
        assertArrayEquals(new float[] {10 / 255f, 20 / 255f, 10 / 255f, 20 / 255f, 10 / 255f, 20 / 255f},
                ImageInput.convert(image, 3, 1, 2), 0f);
    }

    @Test
    void aPaletteImageIsReadThroughItsColours() {
        byte[] reds = {0, (byte) 255};
        byte[] greens = {0, (byte) 255};
        byte[] blues = {0, (byte) 255};
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(1, 2, reds, greens, blues));
        image.getRaster().setSample(1, 0, 0, 1);
        assertArrayEquals(new float[] {0f, 1f}, ImageInput.convert(image, 1, 1, 2), 1e-6f);
    }

    @Test
    void aPngFileReadsAsTheImageItHolds() throws Exception {
        BufferedImage image = grey(new int[][] {{3, 250, 17}, {99, 0, 255}});
        Path file = dir.resolve("digit.png");
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        assertArrayEquals(ImageInput.convert(image, 1, 4, 5), ImageInput.convert(ImageInput.read(file), 1, 4, 5), 0f);
    }

    @Test
    void filesThatAreNoImagesAreRefusedNamingTheFileAndWhy() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        ImageFileException notImage = assertThrows(ImageFileException.class, () -> ImageInput.read(text));
        assertEquals("Cannot read image " + text + ": it is not in a format the JDK decodes (PNG, JPEG, GIF, BMP or"
                + " WBMP).", notImage.getMessage());
        Path missing = dir.resolve("missing.png");
        ImageFileException absent = assertThrows(ImageFileException.class, () -> ImageInput.read(missing));
        assertEquals("Cannot read image " + missing + ": no such file or directory.", absent.getMessage());
        ImageFileException directory = assertThrows(ImageFileException.class, () -> ImageInput.read(dir));
        assertEquals("Image " + dir + " is a directory, not an image file.", directory.getMessage());
    }

    @Test
    void networksOfOtherChannelCountsTakeFloatArraysOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageInput.convert(grey(new int[][] {{1}}), 4, 1, 1));
        assertEquals("Images convert to 1 (grey) or 3 (RGB) channels, but the network takes 4; pass its input as"
                + " float arrays instead.", e.getMessage());
    }

    private static BufferedImage grey(int[][] pixels) {
        BufferedImage image = new BufferedImage(pixels[0].length, pixels.length, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < pixels.length; y++) {
            for (int x = 0; x < pixels[0].length; x++) {
                image.getRaster().setSample(x, y, 0, pixels[y][x]);
            }
        }
        return image;
    }

    /**
     * PyTorch's upsample_bilinear2d (align_corners=False) in double, on pixel / 255: source
     * {@code max((in/out)(d + 0.5) − 0.5, 0)}, taps {@code floor} and {@code floor + 1} clamped to the edge.
     */
    private static double[] referenceResize(int[][] pixels, int outH, int outW) {
        int inH = pixels.length;
        int inW = pixels[0].length;
        double[] out = new double[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.max((double) inH / outH * (y + 0.5) - 0.5, 0);
            int y0 = Math.min((int) Math.floor(sy), inH - 1);
            int y1 = Math.min(y0 + 1, inH - 1);
            double wy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.max((double) inW / outW * (x + 0.5) - 0.5, 0);
                int x0 = Math.min((int) Math.floor(sx), inW - 1);
                int x1 = Math.min(x0 + 1, inW - 1);
                double wx = sx - x0;
                out[y * outW + x] = ((1 - wy) * ((1 - wx) * pixels[y0][x0] + wx * pixels[y0][x1])
                        + wy * ((1 - wx) * pixels[y1][x0] + wx * pixels[y1][x1])) / 255;
            }
        }
        return out;
    }
}
