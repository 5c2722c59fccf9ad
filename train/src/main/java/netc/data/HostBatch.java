package netc.data;

/**
 * One batch gathered on the host, ready to upload: its images packed one after another (as bytes, or
 * as floats when the dataset stores floats or the images are augmented), their labels, and how many
 * rows are real. Reused batch after batch.
 */
final class HostBatch {
    final byte[] bytes;
    final float[] floats;
    final int[] labels;
    private final float[] scratch;
    int rows;

    /** @param asBytes whether images travel as bytes; otherwise as floats */
    HostBatch(int batchSize, int imageSize, boolean asBytes, boolean augmenting) {
        this.bytes = asBytes ? new byte[batchSize * imageSize] : null;
        this.floats = asBytes ? null : new float[batchSize * imageSize];
        this.labels = new int[batchSize];
        this.scratch = augmenting ? new float[imageSize] : null;
    }

    /**
     * Copies examples {@code order[first], ..., order[first + rows - 1]} of {@code data}, augmenting each
     * (as image {@code order[...]} of {@code epoch}) unless {@code augmentation} is none; later labels are 0.
     */
    HostBatch fill(ImageDataset data, int[] order, int first, int rows, Augmentation augmentation, long seed,
                   int epoch) {
        int imageSize = data.imageSize();
        for (int row = 0; row < rows; row++) {
            int example = order[first + row];
            if (bytes != null) {
                data.readBytes(example, bytes, row * imageSize);
            } else {
                data.readImage(example, floats, row * imageSize);
                if (!augmentation.isNone()) {
                    augmentation.apply(floats, row * imageSize, data.channels(), data.height(), data.width(), seed,
                            epoch, example, scratch);
                }
            }
            labels[row] = data.label(example);
        }
        java.util.Arrays.fill(labels, rows, labels.length, 0);
        this.rows = rows;
        return this;
    }
}
