package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each augmentation against its definition, and the determinism resumed runs rely on. */
class AugmentationTest {
    private static final int C = 3;
    private static final int H = 5;
    private static final int W = 6;

    /** Value at (c, y, x): distinct, in (0, 1). */
    private static float[] image() {
        float[] image = new float[C * H * W];
        for (int i = 0; i < image.length; i++) {
            image[i] = (i + 1) / (image.length + 1f);
        }
        return image;
    }

    private static float[] apply(Augmentation augmentation, long seed, int epoch, int index) {
        float[] image = image();
        augmentation.apply(image, 0, C, H, W, seed, epoch, index, new float[C * H * W]);
        return image;
    }

    @Test
    void theSameSeedEpochAndImageGiveTheSameBitsAndAnythingElseDiffers() {
        Augmentation all = Augmentation.builder().randomCrop(2).horizontalFlip().brightness(0.3).contrast(0.3)
                .noise(0.05).build();
        float[] first = apply(all, 42, 3, 17);
        assertArrayEquals(first, apply(all, 42, 3, 17), 0f);
        assertFalse(Arrays.equals(first, apply(all, 42, 4, 17)), "another epoch");
        assertFalse(Arrays.equals(first, apply(all, 42, 3, 18)), "another image");
        assertFalse(Arrays.equals(first, apply(all, 43, 3, 17)), "another seed");
    }

    @Test
    void noneChangesNothing() {
        assertTrue(Augmentation.NONE.isNone());
        assertArrayEquals(image(), apply(Augmentation.NONE, 1, 2, 3), 0f);
        assertEquals("none", Augmentation.NONE.toString());
    }

    /** Half the images are mirrored, exactly; the others untouched. */
    @Test
    void aFlipMirrorsRowsExactly() {
        Augmentation flip = Augmentation.builder().horizontalFlip().build();
        float[] original = image();
        float[] mirrored = new float[original.length];
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    mirrored[(c * H + y) * W + x] = original[(c * H + y) * W + (W - 1 - x)];
                }
            }
        }
        int flipped = 0;
        for (int index = 0; index < 200; index++) {
            float[] result = apply(flip, 5, 0, index);
            if (Arrays.equals(result, mirrored)) {
                flipped++;
            } else {
                assertArrayEquals(original, result, 0f, "image " + index + " neither kept nor mirrored");
            }
        }
        assertTrue(flipped > 70 && flipped < 130, flipped + " of 200 flipped");
    }

    /** A crop is the image shifted by (dy, dx) within ±padding, zeros where it leaves the image; all shifts occur. */
    @Test
    void aPaddedCropShiftsTheImageAndFillsWithZeros() {
        int padding = 2;
        Augmentation crop = Augmentation.builder().randomCrop(padding).build();
        float[] original = image();
        Set<String> shifts = new HashSet<>();
        for (int index = 0; index < 400; index++) {
            float[] result = apply(crop, 9, 1, index);
            String found = null;
            for (int dy = -padding; dy <= padding && found == null; dy++) {
                for (int dx = -padding; dx <= padding && found == null; dx++) {
                    if (Arrays.equals(result, shifted(original, dy, dx))) {
                        found = dy + "," + dx;
                    }
                }
            }
            assertTrue(found != null, "image " + index + " is not a shifted copy");
            shifts.add(found);
        }
        assertEquals(25, shifts.size(), "every shift in ±2 × ±2 occurs: " + shifts);
    }

    private static float[] shifted(float[] image, int dy, int dx) {
        float[] out = new float[image.length];
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int sy = y + dy;
                    int sx = x + dx;
                    boolean inside = sy >= 0 && sy < H && sx >= 0 && sx < W;
                    out[(c * H + y) * W + x] = inside ? image[(c * H + sy) * W + sx] : 0f;
                }
            }
        }
        return out;
    }

    /** Brightness multiplies every value by one factor in [1 − j, 1 + j], clamped at 1. */
    @Test
    void brightnessScalesTheWholeImageByOneFactorInRange() {
        Augmentation brightness = Augmentation.builder().brightness(0.4).build();
        float[] original = image();
        for (int index = 0; index < 50; index++) {
            float[] result = apply(brightness, 3, 0, index);
            float factor = result[0] / original[0];
            assertTrue(factor >= 0.6f - 1e-6f && factor <= 1.4f + 1e-6f, "factor " + factor);
            for (int i = 0; i < result.length; i++) {
                assertEquals(Math.min(1f, original[i] * factor), result[i], 1e-5f, "value " + i);
            }
        }
    }

    /** Contrast moves values away from the image's mean grey (BT.601 luma) by one factor, keeping that mean where nothing clamps. */
    @Test
    void contrastScalesDistancesFromTheMeanGrey() {
        Augmentation contrast = Augmentation.builder().contrast(0.5).build();
        float[] original = image();
        int plane = H * W;
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            mean += 0.299 * original[i] + 0.587 * original[plane + i] + 0.114 * original[2 * plane + i];
        }
        mean /= plane;
        // The factor is read off a value 0.15 above the mean, which no factor in [0.5, 1.5] clamps.
        int probe = 0;
        for (int i = 0; i < original.length; i++) {
            if (Math.abs(original[i] - mean - 0.15) < Math.abs(original[probe] - mean - 0.15)) {
                probe = i;
            }
        }
        for (int index = 0; index < 50; index++) {
            float[] result = apply(contrast, 4, 2, index);
            double factor = (result[probe] - mean) / (original[probe] - mean);
            assertTrue(factor >= 0.5 - 1e-4 && factor <= 1.5 + 1e-4, "factor " + factor);
            for (int i = 0; i < result.length; i++) {
                double expected = Math.max(0, Math.min(1, factor * (original[i] - mean) + mean));
                assertEquals(expected, result[i], 1e-5, "value " + i);
            }
        }
    }

    /** Noise on a mid-grey image: mean 0 and the given std, measured over many values (±3 % of σ). */
    @Test
    void noiseHasTheGivenStandardDeviation() {
        float std = 0.1f;
        Augmentation noise = Augmentation.builder().noise(std).build();
        int size = 64 * 64;
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int index = 0; index < 10; index++) {
            float[] image = new float[size];
            Arrays.fill(image, 0.5f);
            noise.apply(image, 0, 1, 64, 64, 11, 0, index, new float[size]);
            for (float value : image) {
                double deviation = value - 0.5;
                sum += deviation;
                squares += deviation * deviation;
                count++;
            }
        }
        double mean = sum / count;
        double measured = Math.sqrt(squares / count - mean * mean);
        assertEquals(0, mean, 3 * std / Math.sqrt(count) * 2, "mean");
        assertEquals(std, measured, 0.03 * std, "std");
    }

    @Test
    void everyResultStaysInZeroToOne() {
        Augmentation strong = Augmentation.builder().brightness(1).contrast(1).noise(1).build();
        for (int index = 0; index < 50; index++) {
            for (float value : apply(strong, 1, 0, index)) {
                assertTrue(value >= 0f && value <= 1f, "value " + value);
            }
        }
    }

    /** The table's quantiles against known values of the standard normal. */
    @Test
    void theGaussianTableHoldsNormalQuantiles() {
        assertEquals(0, GaussianTable.quantile(0.5), 1e-12);
        assertEquals(1.959963984540054, GaussianTable.quantile(0.975), 1e-8);
        assertEquals(-2.326347874040841, GaussianTable.quantile(0.01), 1e-8);
        assertEquals(3.090232306167814, GaussianTable.quantile(0.999), 1e-8);
        double sum = 0;
        double squares = 0;
        int entries = 1 << GaussianTable.BITS;
        for (int i = 0; i < entries; i++) {
            sum += GaussianTable.deviate(i);
            squares += (double) GaussianTable.deviate(i) * GaussianTable.deviate(i);
        }
        assertEquals(0, sum / entries, 1e-6);
        // Tails beyond ±4.3σ are cut: the variance falls short of 1 by about 1e-3.
        assertEquals(1, squares / entries, 2e-3);
    }

    @Test
    void impossibleSettingsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Augmentation.builder().randomCrop(-1));
        assertEquals("Crop padding must be 0 (no crop) or more pixels, got -1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Augmentation.builder().brightness(1.5));
        assertEquals("Brightness must lie in [0, 1] (0: off), got 1.5.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Augmentation.builder().noise(Double.NaN));
        assertEquals("crop padding 4, horizontal flip, noise 0.05",
                Augmentation.builder().randomCrop(4).horizontalFlip().noise(0.05).build().toString());
    }
}
