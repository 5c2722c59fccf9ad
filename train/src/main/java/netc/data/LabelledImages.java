package netc.data;

import java.util.List;

/**
 * What every in-memory dataset holds besides its pixels: its name, one image's shape, the class names
 * and one label per image. {@link ByteImageDataset} and {@link FloatImageDataset} differ only in how
 * they store and read the pixels.
 */
abstract class LabelledImages implements ImageDataset {
    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final int[] labels;

    LabelledImages(String name, int channels, int height, int width, List<String> classNames, int[] labels) {
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
        this.labels = labels;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int size() {
        return labels.length;
    }

    @Override
    public final int channels() {
        return channels;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final List<String> classNames() {
        return classNames;
    }

    @Override
    public final int label(int index) {
        return labels[index];
    }

    @Override
    public String toString() {
        return ImageDatasets.describe(this);
    }
}
