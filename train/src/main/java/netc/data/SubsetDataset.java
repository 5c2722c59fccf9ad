package netc.data;

/** Some images of another dataset, in the order of {@code indices}: a limit or one side of a hold-out split. */
final class SubsetDataset extends ForwardingImageDataset {
    private final int[] indices;
    private final String name;

    SubsetDataset(ImageDataset base, int[] indices, String name) {
        super(base);
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
    public int label(int index) {
        return base.label(indices[index]);
    }

    @Override
    public void readImage(int index, float[] target, int offset) {
        base.readImage(indices[index], target, offset);
    }

    @Override
    public void readBytes(int index, byte[] target, int offset) {
        base.readBytes(indices[index], target, offset);
    }
}
