package netc.data;

/**
 * Labelled grey-scale images held in memory as read from disk: {@code count} images of
 * {@code rows × cols} unsigned bytes, row-major, one after another, and one label per image.
 */
public record Dataset(String name, byte[] pixels, byte[] labels, int count, int rows, int cols, int classes) {
    public Dataset {
        if (count < 0 || rows < 1 || cols < 1 || classes < 1) {
            throw new IllegalArgumentException("dataset " + name + ": count " + count + ", " + rows + "×" + cols
                    + " pixels and " + classes + " classes are not a valid shape");
        }
        if (pixels.length != (long) count * rows * cols || labels.length != count) {
            throw new IllegalArgumentException("dataset " + name + " of " + count + " images of " + rows + "×" + cols
                    + " needs " + (long) count * rows * cols + " pixels and " + count + " labels, got "
                    + pixels.length + " and " + labels.length);
        }
    }

    /** The first {@code limit} examples (all when {@code limit} is 0 or at least {@code count}). */
    public Dataset limit(int limit) {
        if (limit <= 0 || limit >= count) {
            return this;
        }
        return new Dataset(name, java.util.Arrays.copyOf(pixels, limit * rows * cols),
                java.util.Arrays.copyOf(labels, limit), limit, rows, cols, classes);
    }
}
