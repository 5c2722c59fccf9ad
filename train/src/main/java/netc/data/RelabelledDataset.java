package netc.data;

import java.util.List;

/** Another dataset whose labels index a wider list of class names (the training set's), matched by name. */
final class RelabelledDataset extends ForwardingImageDataset {
    private final List<String> classNames;
    private final int[] newLabel;

    RelabelledDataset(ImageDataset base, List<String> classNames, int[] newLabel) {
        super(base);
        this.classNames = List.copyOf(classNames);
        this.newLabel = newLabel;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int label(int index) {
        return newLabel[base.label(index)];
    }
}
