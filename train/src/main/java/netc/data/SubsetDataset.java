package netc.data;

import java.util.List;

/** Some images of another dataset, in the order of {@code indices}: a limit or one side of a hold-out split. */
final class SubsetDataset implements ImageDataset {
    private final ImageDataset base;
    private final int[] indices;
    private final String name;

    SubsetDataset(ImageDataset base, int[] indices, String name) {
        this.base = base;
        this.indices = indices;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return indices.length;
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
        return base.classNames();
    }

    @Override
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public void readImage(int index, float[] target, int offset) {
        base.readImage(indices[index], target, offset);
    }

    @Override
    public boolean storesBytes() {
        return base.storesBytes();
    }

    @Override
    public void readBytes(int index, byte[] target, int offset) {
        base.readBytes(indices[index], target, offset);
    }

    @Override
    public String toString() {
        return ImageDatasets.describe(this);
    }
}
