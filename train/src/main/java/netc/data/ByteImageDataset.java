package netc.data;

import java.util.List;

/** A dataset held as unsigned bytes, CHW per image (IDX files, CSV files, decoded image folders, byte arrays). */
final class ByteImageDataset extends LabelledImages {
    private final ByteImageStore pixels;

    /** The labels must already be checked against the class names by the caller, which can name the file and row. */
    ByteImageDataset(String name, int channels, int height, int width, List<String> classNames, int[] labels,
                     ByteImageStore pixels) {
        super(checked(name, channels, height, width, classNames, labels, pixels), channels, height, width,
                classNames, labels);
        this.pixels = pixels;
    }

    /** The name, once shape, pixels and labels are known to fit together (checked before anything is kept). */
    private static String checked(String name, int channels, int height, int width, List<String> classNames,
                                  int[] labels, ByteImageStore pixels) {
        ImageShape.check(name, channels, height, width);
        if (pixels.imageSize() != channels * height * width || pixels.count() != labels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels and " + pixels.count()
                    + " images of " + pixels.imageSize() + " bytes do not make " + channels + "×" + height + "×"
                    + width + " images");
        }
        Labels.requireInRange(name, labels, classNames.size());
        return name;
    }

    @Override
    public boolean storesBytes() {
        return true;
    }

    @Override
    public void readBytes(int index, byte[] target, int offset) {
        pixels.read(index, target, offset);
    }

    @Override
    public void readImage(int index, float[] target, int offset) {
        pixels.readScaled(index, target, offset);
    }
}
