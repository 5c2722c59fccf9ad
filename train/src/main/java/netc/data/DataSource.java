package netc.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset comes from and how to read it: a path, its format (null: told from the path), the
 * CSV layout, and for image folders the size to decode to (0: the images' own).
 */
public record DataSource(Path path, DataFormat format, CsvFormat csv, int height, int width) {
    public DataSource {
        Objects.requireNonNull(path, "path");
        csv = csv == null ? CsvFormat.DEFAULT : csv;
        if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
            throw new IllegalArgumentException("An image size needs a height and a width of at least 1 (or 0 for the"
                    + " images' own), got " + height + "×" + width + ".");
        }
    }

    /** {@code path}, its format told from it, default CSV layout, images at their own size. */
    public static DataSource of(Path path) {
        return new DataSource(path, null, CsvFormat.DEFAULT, 0, 0);
    }

    public DataSource withFormat(DataFormat format) {
        return new DataSource(path, format, csv, height, width);
    }

    public DataSource withCsv(CsvFormat csv) {
        return new DataSource(path, format, csv, height, width);
    }

    /** Decode an image folder's images at {@code height × width} (other formats keep their size). */
    public DataSource withImageSize(int height, int width) {
        return new DataSource(path, format, csv, height, width);
    }

    /** The format given, or the one the path holds. */
    public DataFormat resolvedFormat() {
        return format != null ? format : DataFormat.of(path);
    }

    /** The dataset to train on (for an IDX folder, its training pair). */
    public ImageDataset openTraining() {
        return open(true);
    }

    /** The dataset to test on (for an IDX folder, its test pair: {@code t10k-} or {@code test} in the name). */
    public ImageDataset openTest() {
        return open(false);
    }

    /** Whether {@link #openTest()} finds a test set apart from the training set (only IDX folders hold both). */
    public boolean holdsTestSet() {
        return resolvedFormat() == DataFormat.IDX && IdxPair.holdsTestPair(path);
    }

    private ImageDataset open(boolean train) {
        return switch (resolvedFormat()) {
            case IDX -> IdxPair.inDirectory(path, train);
            case CSV -> CsvImages.read(path, csv);
            case IMAGES -> ImageFolder.read(path, height, width);
        };
    }
}
