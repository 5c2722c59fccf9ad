package netc.data;

import java.util.List;

/** Images a program holds as floats in [0, 1], CHW per image, used as given (not copied). */
final class FloatImageDataset implements ImageDataset {
    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;
    private final int[] labels;
    private final float[][] images;

    FloatImageDataset(String name, int channels, int height, int width, List<String> classNames, int[] labels,
                      float[][] images) {
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
        this.labels = labels;
        this.images = images;
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
    public void readImage(int index, float[] target, int offset) {
        System.arraycopy(images[index], 0, target, offset, images[index].length);
    }

    @Override
    public String toString() {
        return ImageDatasets.describe(this);
    }
}
