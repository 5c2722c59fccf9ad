package netc.runtime.predict;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import netc.runtime.io.FileProblem;
import netc.runtime.model.NetworkInfo;

/**
 * Turns a picture into a network's input: {@code C×H×W} floats in [0, 1], channel-major (CHW), as the
 * training pipeline feeds images: each 8-bit sample divided by 255, converted to the network's channels,
 * then resized bilinearly to its height and width ({@link Bilinear}).
 *
 * <p>Samples deeper than 8 bits are rounded to 8 first, as datasets store them. Channels: a grey image feeds a 3-channel network as three equal planes; a colour image feeds a
 * 1-channel network as its luma, {@code 0.299·R + 0.587·G + 0.114·B} (ITU-R BT.601, the weights of
 * PIL's {@code convert("L")} and OpenCV's grey conversion). Alpha is ignored. Grey images are read from
 * their raster, not through {@link BufferedImage#getRGB}, which passes a grey image through Java's
 * linear grey colour space and would brighten it (128 reads as 188).
 */
public final class ImageInput {
    private static final float RED = 0.299f;
    private static final float GREEN = 0.587f;
    private static final float BLUE = 0.114f;

    private ImageInput() {}

    /**
     * Reads an image file with the JDK's ImageIO (PNG, JPEG, GIF, BMP and WBMP); a missing file, one that
     * cannot be read or one in another format is an {@link ImageFileException} naming the file.
     */
    public static BufferedImage read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ImageFileException("Image " + file + " is a directory, not an image file.");
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (IOException e) {
            throw new ImageFileException("Cannot read image " + file + ": " + FileProblem.reason(e) + ".", e);
        }
        if (image == null) {
            throw new ImageFileException("Cannot read image " + file + ": it is not in a format the JDK decodes"
                    + " (PNG, JPEG, GIF, BMP or WBMP).");
        }
        return image;
    }

    /** {@code image} as {@code network}'s input. */
    public static float[] convert(BufferedImage image, NetworkInfo network) {
        return convert(image, network.channels(), network.height(), network.width());
    }

    /** {@code image} as a {@code channels×height×width} input, CHW; channels must be 1 or 3. */
    public static float[] convert(BufferedImage image, int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("Images convert to 1 (grey) or 3 (RGB) channels, but the network"
                    + " takes " + channels + "; pass its input as float arrays instead.");
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("the network's input must be at least 1×1, got " + height + "×" + width);
        }
        float[][] planes = channels == 1 ? new float[][] {grey(image)} : rgb(image);
        float[] input = new float[channels * height * width];
        for (int c = 0; c < channels; c++) {
            float[] resized = Bilinear.resize(planes[c], image.getHeight(), image.getWidth(), height, width);
            System.arraycopy(resized, 0, input, c * height * width, resized.length);
        }
        return input;
    }

    /** One plane in [0, 1]: the grey samples of a grey image, else the luma of its colours. */
    private static float[] grey(BufferedImage image) {
        if (isGrey(image)) {
            return greySamples(image);
        }
        float[][] rgb = rgb(image);
        float[] luma = new float[rgb[0].length];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = RED * rgb[0][i] + GREEN * rgb[1][i] + BLUE * rgb[2][i];
        }
        return luma;
    }

    /** Three planes in [0, 1], R, G and B; a grey image's samples three times. */
    private static float[][] rgb(BufferedImage image) {
        if (isGrey(image)) {
            float[] grey = greySamples(image);
            return new float[][] {grey, grey, grey};
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            planes[0][i] = ((argb[i] >> 16) & 0xff) / 255.0f;
            planes[1][i] = ((argb[i] >> 8) & 0xff) / 255.0f;
            planes[2][i] = (argb[i] & 0xff) / 255.0f;
        }
        return planes;
    }

    /** A grey image without a palette, whose raster's first band holds the grey level (8 or 16 bits). */
    private static boolean isGrey(BufferedImage image) {
        ColorModel model = image.getColorModel();
        return !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && model.getNumColorComponents() == 1;
    }

    /**
     * The first band in [0, 1]: 8-bit samples / 255; deeper ones rounded to 8 bits first, as a dataset
     * keeps every image (16-bit {@code s} becomes {@code round(s · 255 / 65535) / 255}), so that a
     * prediction sees the values training saw.
     */
    private static float[] greySamples(BufferedImage image) {
        Raster raster = image.getRaster();
        int bits = image.getColorModel().getComponentSize(0);
        double toBytes = 255.0 / ((1L << bits) - 1);
        int w = image.getWidth();
        int h = image.getHeight();
        int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = Math.round(samples[i] * toBytes) / 255.0f;
        }
        return plane;
    }
}
