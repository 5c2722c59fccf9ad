package netc.data;

import java.util.List;

/** A dataset held as unsigned bytes, CHW per image (IDX files, CSV files, decoded image folders, byte arrays). */
final class ByteImageDataset implements ImageDataset {
    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final int[] labels;
    private final ByteImageStore pixels;

    /** The labels must already be checked against the class names by the caller, which can name the file and row. */
    ByteImageDataset(String name, int channels, int height, int width, List<String> classNames, int[] labels,
                     ByteImageStore pixels) {
        ImageShape.check(name, channels, height, width);
        if (pixels.imageSize() != channels * height * width || pixels.count() != labels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels and " + pixels.count()
                    + " images of " + pixels.imageSize() + " bytes do not make " + channels + "×" + height + "×"
                    + width + " images");
        }
        Labels.requireInRange(name, labels, classNames.size());
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
        this.labels = labels;
        this.pixels = pixels;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return labels[index];
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

    @Override
    public String toString() {
        return ImageDatasets.describe(this);
    }
}
