package netc.data;

import java.util.List;

/**
 * A view of another dataset that answers everything as the other one does; a subclass overrides only
 * what its view changes (a subset's indices, a relabelling's classes).
 */
abstract class ForwardingImageDataset implements ImageDataset {
    protected final ImageDataset base;

    ForwardingImageDataset(ImageDataset base) {
        this.base = base;
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
    public final int channels() {
        return base.channels();
    }

    @Override
    public final int height() {
        return base.height();
    }

    @Override
    public final int width() {
        return base.width();
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public int label(int index) {
        return base.label(index);
    }

    @Override
    public void readImage(int index, float[] target, int offset) {
        base.readImage(index, target, offset);
    }

    @Override
    public final boolean storesBytes() {
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
