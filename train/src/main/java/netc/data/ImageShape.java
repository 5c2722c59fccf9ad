package netc.data;

/** The shapes a dataset may hold: 1 (grey) or 3 (RGB) channels of at least 1×1 pixels, one image within a Java array. */
final class ImageShape {
    private ImageShape() {}

    static void check(String name, int channels, int height, int width) {
        if (channels != 1 && channels != 3) {
            throw new DatasetException(name + " has images of " + channels + " channels, but a dataset holds grey"
                    + " (1 channel) or RGB (3 channels) images; convert the images to one of those.");
        }
        if (height < 1 || width < 1) {
            throw new DatasetException(name + " has images of " + height + "×" + width + " pixels; an image needs at"
                    + " least 1×1.");
        }
        if ((long) channels * height * width > Integer.MAX_VALUE / 4) {
            throw new DatasetException(name + " has images of " + channels + "×" + height + "×" + width
                    + " values, too many for one batch row; use smaller images.");
        }
    }
}
