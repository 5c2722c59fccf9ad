package netc.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import netc.runtime.io.FileErrors;

/**
 * Fashion-MNIST from its four IDX files (each plain or gzip-compressed): 60000 training and 10000 test
 * images of 28×28 grey pixels, ten classes. The files are checked against each other and the format
 * before a {@link Dataset} is returned.
 */
public final class FashionMnist {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final int CLASSES = 10;
    public static final int ROWS = 28;
    public static final int COLS = 28;

    private static final String INSTALL_HINT = "`apt-get install dataset-fashion-mnist` provides the files in "
            + DEFAULT_DIRECTORY + ", or pass the directory that holds them";

    private FashionMnist() {}

    /** The 60000 training examples in {@code directory}. */
    public static Dataset train(Path directory) {
        return load(directory, "train", "Fashion-MNIST train");
    }

    /** The 10000 test examples in {@code directory}. */
    public static Dataset test(Path directory) {
        return load(directory, "t10k", "Fashion-MNIST test");
    }

    private static Dataset load(Path directory, String prefix, String name) {
        checkDirectory(directory);
        Path imagesFile = locate(directory, prefix + "-images-idx3-ubyte");
        Path labelsFile = locate(directory, prefix + "-labels-idx1-ubyte");
        IdxArray images = IdxReader.read(imagesFile, IdxReader.IMAGES_MAGIC);
        IdxArray labels = IdxReader.read(labelsFile, IdxReader.LABELS_MAGIC);
        int[] dims = images.dimensions();
        if (dims[1] != ROWS || dims[2] != COLS) {
            throw new DatasetException("IDX file " + imagesFile + " holds images of " + dims[1] + "×" + dims[2]
                    + " pixels, but Fashion-MNIST images are " + ROWS + "×" + COLS + "; it is not the right file.");
        }
        if (images.count() != labels.count()) {
            throw new DatasetException("IDX file " + imagesFile + " holds " + images.count() + " images but "
                    + labelsFile + " holds " + labels.count() + " labels; the two files must come from the same set.");
        }
        checkLabels(labelsFile, labels.values());
        return new Dataset(name, images.values(), labels.values(), images.count(), ROWS, COLS, CLASSES);
    }

    /**
     * A directory that cannot be looked at is reported with the OS's reason: {@link Files#isDirectory}
     * answers false for it, which would read as "does not exist" when permission is what is missing.
     */
    private static void checkDirectory(Path directory) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(directory, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DatasetException("Fashion-MNIST directory " + directory + " does not exist; " + INSTALL_HINT + ".");
        } catch (IOException e) {
            throw new DatasetException("Cannot read Fashion-MNIST directory " + directory + ": " + FileErrors.reason(e)
                    + "; check its permissions and those of its parents.", e);
        }
        if (!attributes.isDirectory()) {
            throw new DatasetException("Fashion-MNIST directory " + directory + " is a file, not a directory; "
                    + INSTALL_HINT + ".");
        }
    }

    /** The file named {@code base} or {@code base.gz}, whichever exists (the plain one first). */
    private static Path locate(Path directory, String base) {
        for (String candidate : new String[] {base, base + ".gz"}) {
            Path file = directory.resolve(candidate);
            try {
                if (Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
                    return file;
                }
            } catch (NoSuchFileException e) {
                // try the other name
            } catch (IOException e) {
                throw new DatasetException("Cannot read Fashion-MNIST file " + file + ": " + FileErrors.reason(e)
                        + "; check the permissions of " + directory + ".", e);
            }
        }
        throw new DatasetException("Fashion-MNIST file " + base + "(.gz) is missing from " + directory + "; "
                + INSTALL_HINT + ".");
    }

    private static void checkLabels(Path file, byte[] labels) {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= CLASSES) {
                throw new DatasetException("IDX file " + file + " gives example " + i + " the label " + label
                        + ", outside the classes 0.." + (CLASSES - 1) + "; it is corrupt or not the right file.");
            }
        }
    }
}
