package netc.data;

import java.util.List;

/** Another dataset whose labels index a wider list of class names (the training set's), matched by name. */
final class RelabelledDataset implements ImageDataset {
    private final ImageDataset base;
    private final List<String> classNames;
    private final int[] newLabel;

    RelabelledDataset(ImageDataset base, List<String> classNames, int[] newLabel) {
        this.base = base;
        this.classNames = List.copyOf(classNames);
        this.newLabel = newLabel;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public int channels() {
        return base.channels();
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return newLabel[base.label(index)];
    }

    @Override
    public void readImage(int index, float[] target, int offset) {
        base.readImage(index, target, offset);
    }

    @Override
    public boolean storesBytes() {
        return base.storesBytes();
    }

    @Override
    public void readBytes(int index, byte[] target, int offset) {
        base.readBytes(index, target, offset);
    }

    @Override
    public String toString() {
        return ImageDatasets.describe(this);
    }
}
