package netc.data;

/**
 * One batch gathered on the host, ready to upload: the pixels of its examples packed one after
 * another, their labels, and how many rows are real. Reused batch after batch.
 */
final class HostBatch {
    final byte[] pixels;
    final int[] labels;
    int rows;

    HostBatch(int batchSize, int imageBytes) {
        this.pixels = new byte[batchSize * imageBytes];
        this.labels = new int[batchSize];
    }

    /** Copies examples {@code order[first], ..., order[first + rows - 1]} of {@code data}; later labels are 0. */
    HostBatch fill(Dataset data, int[] order, int first, int rows) {
        int imageBytes = data.rows() * data.cols();
        for (int row = 0; row < rows; row++) {
            int example = order[first + row];
            System.arraycopy(data.pixels(), example * imageBytes, pixels, row * imageBytes, imageBytes);
            labels[row] = data.labels()[example] & 0xff;
        }
        java.util.Arrays.fill(labels, rows, labels.length, 0);
        this.rows = rows;
        return this;
    }
}
