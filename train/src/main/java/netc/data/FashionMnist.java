package netc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import netc.runtime.io.FileProblem;

/**
 * Fashion-MNIST from its four IDX files (each plain or gzip-compressed): 60000 training and 10000 test
 * images of 28×28 grey pixels, ten classes. The files are checked against each other and the format
 * before a dataset is returned.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int CLASSES = 10;
    public static final int ROWS = 28;
    public static final int COLS = 28;
    /** The names of labels 0 to 9, as the dataset's authors give them. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** The training set's name, shown in messages and plot titles. */
    public static final String NAME = "Fashion-MNIST";

    private static final String INSTALL_HINT = "`apt-get install dataset-fashion-mnist` provides the files in "
            + DEFAULT_DIRECTORY + ", or pass the directory that holds them";

    private FashionMnist() {}

    /** The 60000 training examples in {@code directory}. */
    public static ImageDataset train(Path directory) {
        return load(directory, "train", NAME);
    }

    /** The 10000 test examples in {@code directory}. */
    public static ImageDataset test(Path directory) {
        return load(directory, "t10k", NAME + " test");
    }

    private static ImageDataset load(Path directory, String prefix, String name) {
        requireDirectory(directory);
        Path imagesFile = locate(directory, prefix + "-images-idx3-ubyte");
        Path labelsFile = locate(directory, prefix + "-labels-idx1-ubyte");
        ImageDataset data = IdxPair.read(imagesFile, labelsFile, name, CLASS_NAMES);
        if (data.height() != ROWS || data.width() != COLS) {
            throw new DatasetException("IDX file " + imagesFile + " holds images of " + data.height() + "×" + data.width()
                    + " pixels, but Fashion-MNIST images are " + ROWS + "×" + COLS + "; it is not the right file.");
        }
        return data;
    }

    /**
     * Refuses a directory that is missing, not a directory or unreadable, each in its own words:
     * {@link Files#isDirectory} answers false for all three, which would call an unreadable one missing.
     */
    private static void requireDirectory(Path directory) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(directory, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DatasetException("Fashion-MNIST directory " + directory + " does not exist; " + INSTALL_HINT + ".", e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read the Fashion-MNIST directory " + directory + ": "
                    + FileProblem.reason(e) + "; make it readable or pass another --data-dir.", e);
        }
        if (!attributes.isDirectory()) {
            throw new DatasetException("Fashion-MNIST directory " + directory + " is a file, not a directory; pass the"
                    + " directory that holds the IDX files.");
        }
    }

    /** The file named {@code base} or {@code base.gz}, whichever exists (the plain one first). */
    private static Path locate(Path directory, String base) {
        return DatasetFiles.plainOrGzip(directory, base, "Fashion-MNIST file " + base + "(.gz) is missing from "
                + directory + "; " + INSTALL_HINT + ".", "pass another --data-dir");
    }
}
