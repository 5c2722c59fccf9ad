package netc.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Random changes to training images, each optional: a random crop from the image padded with zeros
 * (torchvision's {@code RandomCrop(size, padding)}), a horizontal flip with probability ½, brightness
 * and contrast jitter ({@code ColorJitter}'s factors drawn from [1 − j, 1 + j]) and additive Gaussian
 * noise, each result clamped to [0, 1]. Applied in that order on the host, to the image as stored (so
 * the padding is in stored pixels), before it is converted and resized to the network's input.
 *
 * <p>Each image's changes depend on (seed, epoch, image index) alone: a resumed run augments exactly
 * as an uninterrupted one, and the same image differs from epoch to epoch. Training only: evaluation
 * never augments.
 */
public final class Augmentation implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false, 0, 0, 0);

    /** ITU-R BT.601 luma weights: the grey value an RGB image's contrast is judged by. */
    private static final float RED = 0.299f;
    private static final float GREEN = 0.587f;
    private static final float BLUE = 0.114f;

    private final int cropPadding;
    private final boolean horizontalFlip;
    private final float brightness;
    private final float contrast;
    private final float noise;

    private Augmentation(int cropPadding, boolean horizontalFlip, float brightness, float contrast, float noise) {
        this.cropPadding = cropPadding;
        this.horizontalFlip = horizontalFlip;
        this.brightness = brightness;
        this.contrast = contrast;
        this.noise = noise;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Pixels of zero padding on each side before a crop of the image's own size; 0: no crop. */
    public int cropPadding() {
        return cropPadding;
    }

    public boolean horizontalFlip() {
        return horizontalFlip;
    }

    /** Brightness jitter j: every value is multiplied by a factor from [1 − j, 1 + j]; 0: none. */
    public double brightness() {
        return brightness;
    }

    /** Contrast jitter j: values move away from (or toward) the image's mean grey by a factor from [1 − j, 1 + j]. */
    public double contrast() {
        return contrast;
    }

    /** The standard deviation of the Gaussian noise added to each value in [0, 1]; 0: none. */
    public double noise() {
        return noise;
    }

    public boolean isNone() {
        return cropPadding == 0 && !horizontalFlip && brightness == 0 && contrast == 0 && noise == 0;
    }

    /**
     * Augments the image at {@code image[offset ..]} ({@code channels × height × width} floats in
     * [0, 1], CHW) in place, as image {@code index} of epoch {@code epoch}; {@code scratch} holds at
     * least one image.
     */
    public void apply(float[] image, int offset, int channels, int height, int width, long seed, int epoch, int index,
                      float[] scratch) {
        AugmentationRandom random = new AugmentationRandom(seed, epoch, index);
        // Every draw is made whatever is enabled, so that turning one change on leaves the others' draws alone.
        int span = 2 * cropPadding + 1;
        int dy = random.nextInt(span);
        int dx = random.nextInt(span);
        boolean flip = horizontalFlip && random.nextFloat() < 0.5f;
        float brightnessFactor = 1 + brightness * (2 * random.nextFloat() - 1);
        float contrastFactor = 1 + contrast * (2 * random.nextFloat() - 1);
        int size = channels * height * width;
        if (cropPadding > 0 || flip) {
            cropAndFlip(image, offset, channels, height, width, dy - cropPadding, dx - cropPadding, flip, scratch);
        }
        if (brightness > 0) {
            for (int i = offset; i < offset + size; i++) {
                image[i] = Math.min(1f, image[i] * brightnessFactor);
            }
        }
        if (contrast > 0) {
            float mean = meanGrey(image, offset, channels, height * width);
            float shift = (1 - contrastFactor) * mean;
            for (int i = offset; i < offset + size; i++) {
                image[i] = clamp(contrastFactor * image[i] + shift);
            }
        }
        if (noise > 0) {
            addNoise(image, offset, size, random);
        }
    }

    /**
     * Output pixel (y, x) is the padded image's (y + dy + p, x' + dx + p), i.e. the stored pixel
     * (y + offsetY, x' + offsetX) or 0 outside it, where x' is x mirrored when flipping: the crop first,
     * then the flip, as torchvision applies them.
     */
    private static void cropAndFlip(float[] image, int offset, int channels, int height, int width, int offsetY,
                                    int offsetX, boolean flip, float[] scratch) {
        int size = channels * height * width;
        System.arraycopy(image, offset, scratch, 0, size);
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                int sourceY = y + offsetY;
                int row = offset + (c * height + y) * width;
                for (int x = 0; x < width; x++) {
                    int sourceX = (flip ? width - 1 - x : x) + offsetX;
                    boolean inside = sourceY >= 0 && sourceY < height && sourceX >= 0 && sourceX < width;
                    image[row + x] = inside ? scratch[(c * height + sourceY) * width + sourceX] : 0f;
                }
            }
        }
    }

    private static float meanGrey(float[] image, int offset, int channels, int pixels) {
        double sum = 0;
        if (channels == 1) {
            for (int i = 0; i < pixels; i++) {
                sum += image[offset + i];
            }
        } else {
            for (int i = 0; i < pixels; i++) {
                sum += RED * image[offset + i] + GREEN * image[offset + pixels + i] + BLUE * image[offset + 2 * pixels + i];
            }
        }
        return (float) (sum / pixels);
    }

    private void addNoise(float[] image, int offset, int size, AugmentationRandom random) {
        int mask = (1 << GaussianTable.BITS) - 1;
        for (int i = 0; i < size; i += 4) {
            long bits = random.nextLong();
            for (int k = 0; k < 4 && i + k < size; k++) {
                int draw = (int) (bits >>> (GaussianTable.BITS * k)) & mask;
                image[offset + i + k] = clamp(image[offset + i + k] + noise * GaussianTable.deviate(draw));
            }
        }
    }

    private static float clamp(float value) {
        return Math.max(0f, Math.min(1f, value));
    }

    /** "none", or e.g. "crop padding 4, horizontal flip, brightness 0.2, contrast 0.2, noise 0.05". */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (cropPadding > 0) {
            parts.add("crop padding " + cropPadding);
        }
        if (horizontalFlip) {
            parts.add("horizontal flip");
        }
        if (brightness > 0) {
            parts.add(String.format(Locale.ROOT, "brightness %s", brightness));
        }
        if (contrast > 0) {
            parts.add(String.format(Locale.ROOT, "contrast %s", contrast));
        }
        if (noise > 0) {
            parts.add(String.format(Locale.ROOT, "noise %s", noise));
        }
        return String.join(", ", parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Augmentation that && cropPadding == that.cropPadding
                && horizontalFlip == that.horizontalFlip && brightness == that.brightness
                && contrast == that.contrast && noise == that.noise;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(cropPadding, horizontalFlip, brightness, contrast, noise);
    }

    /** Chooses the changes; each left out is off. */
    public static final class Builder {
        private int cropPadding;
        private boolean horizontalFlip;
        private float brightness;
        private float contrast;
        private float noise;

        private Builder() {}

        /** A random crop of the image's own size from the image padded with {@code pixels} zeros on each side. */
        public Builder randomCrop(int pixels) {
            if (pixels < 0) {
                throw new IllegalArgumentException("Crop padding must be 0 (no crop) or more pixels, got " + pixels + ".");
            }
            this.cropPadding = pixels;
            return this;
        }

        /** Mirrors each image left to right with probability ½. */
        public Builder horizontalFlip() {
            this.horizontalFlip = true;
            return this;
        }

        /** Multiplies each image by a factor from [1 − jitter, 1 + jitter]; jitter in [0, 1]. */
        public Builder brightness(double jitter) {
            this.brightness = jitter("Brightness", jitter);
            return this;
        }

        /** Scales each image's distance from its mean grey by a factor from [1 − jitter, 1 + jitter]; jitter in [0, 1]. */
        public Builder contrast(double jitter) {
            this.contrast = jitter("Contrast", jitter);
            return this;
        }

        /** Adds Gaussian noise of standard deviation {@code std} (values in [0, 1]); std in [0, 1]. */
        public Builder noise(double std) {
            this.noise = jitter("Noise std", std);
            return this;
        }

        public Augmentation build() {
            return new Augmentation(cropPadding, horizontalFlip, brightness, contrast, noise);
        }

        private static float jitter(String what, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(what + " must lie in [0, 1] (0: off), got " + value + ".");
            }
            return (float) value;
        }
    }
}
