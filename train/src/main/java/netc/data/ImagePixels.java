package netc.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** A decoded image as the bytes a dataset keeps: CHW, grey or RGB, at the dataset's size. */
final class ImagePixels {
    private ImagePixels() {}

    /**
     * Writes {@code image} to {@code target} as {@code channels × height × width} bytes: grey values
     * read from a grey image's raster (never through {@code getRGB}, which would apply a gamma curve to
     * them), RGB from anything else (alpha ignored), a grey image repeated in each RGB channel and an
     * RGB one turned to BT.601 luma for a grey dataset; resized bilinearly when its size differs.
     */
    static void toBytes(BufferedImage image, int channels, int height, int width, byte[] target) {
        int sourceHeight = image.getHeight();
        int sourceWidth = image.getWidth();
        byte[] source = sourceHeight == height && sourceWidth == width
                ? target : new byte[channels * sourceHeight * sourceWidth];
        int plane = sourceHeight * sourceWidth;
        ColorModel model = image.getColorModel();
        if (model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(model instanceof IndexColorModel)) {
            Raster raster = image.getRaster();
            double scale = 255.0 / ((1L << model.getComponentSize(0)) - 1);
            for (int y = 0; y < sourceHeight; y++) {
                for (int x = 0; x < sourceWidth; x++) {
                    byte grey = (byte) Math.round(raster.getSample(x, y, 0) * scale);
                    for (int c = 0; c < channels; c++) {
                        source[c * plane + y * sourceWidth + x] = grey;
                    }
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, sourceWidth, sourceHeight, null, 0, sourceWidth);
            for (int i = 0; i < plane; i++) {
                int red = argb[i] >> 16 & 0xff;
                int green = argb[i] >> 8 & 0xff;
                int blue = argb[i] & 0xff;
                if (channels == 1) {
                    source[i] = (byte) Math.round(0.299 * red + 0.587 * green + 0.114 * blue);
                } else {
                    source[i] = (byte) red;
                    source[plane + i] = (byte) green;
                    source[2 * plane + i] = (byte) blue;
                }
            }
        }
        if (source != target) {
            resize(source, channels, sourceHeight, sourceWidth, target, height, width);
        }
    }

    /**
     * Bilinear resizing of CHW bytes with PyTorch's half-pixel source index (align_corners=False),
     * the arithmetic of {@code resize.cl}, each result rounded to the nearest byte.
     */
    static void resize(byte[] source, int channels, int inHeight, int inWidth, byte[] target, int outHeight,
                       int outWidth) {
        for (int c = 0; c < channels; c++) {
            int in = c * inHeight * inWidth;
            for (int y = 0; y < outHeight; y++) {
                float sy = Math.max((float) inHeight / outHeight * (y + 0.5f) - 0.5f, 0f);
                int y0 = Math.min((int) sy, inHeight - 1);
                int y1 = y0 < inHeight - 1 ? y0 + 1 : y0;
                float wy = Math.min(sy - y0, 1f);
                for (int x = 0; x < outWidth; x++) {
                    float sx = Math.max((float) inWidth / outWidth * (x + 0.5f) - 0.5f, 0f);
                    int x0 = Math.min((int) sx, inWidth - 1);
                    int x1 = x0 < inWidth - 1 ? x0 + 1 : x0;
                    float wx = Math.min(sx - x0, 1f);
                    float top = (1 - wx) * (source[in + y0 * inWidth + x0] & 0xff) + wx * (source[in + y0 * inWidth + x1] & 0xff);
                    float bottom = (1 - wx) * (source[in + y1 * inWidth + x0] & 0xff) + wx * (source[in + y1 * inWidth + x1] & 0xff);
                    target[(c * outHeight + y) * outWidth + x] = (byte) Math.round((1 - wy) * top + wy * bottom);
                }
            }
        }
    }
}
