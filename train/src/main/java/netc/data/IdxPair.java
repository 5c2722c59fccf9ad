package netc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netc.runtime.io.FileProblem;

/**
 * A pair of IDX files, grey images ({@code [count, rows, cols]} unsigned bytes) and their labels
 * ({@code [count]}), as MNIST, Fashion-MNIST, KMNIST and EMNIST ship them, each plain or gzip-compressed.
 */
final class IdxPair {
    /** {@code train-images-idx3-ubyte}, {@code t10k-images.idx3-ubyte.gz}, {@code emnist-letters-train-images-idx3-ubyte}... */
    private static final Pattern IMAGES_FILE = Pattern.compile("(.*)images([-.])idx3-ubyte(\\.gz)?");

    private IdxPair() {}

    /**
     * Reads both files and checks them against each other. With {@code classNames} null the classes
     * are numbered 0 to the largest label; otherwise every label must index {@code classNames}.
     */
    static ImageDataset read(Path imagesFile, Path labelsFile, String name, List<String> classNames) {
        IdxArray images = IdxReader.read(imagesFile, IdxReader.IMAGES_MAGIC);
        IdxArray labels = IdxReader.read(labelsFile, IdxReader.LABELS_MAGIC);
        if (images.count() != labels.count()) {
            throw new DatasetException("IDX file " + imagesFile + " holds " + images.count() + " images but "
                    + labelsFile + " holds " + labels.count() + " labels; the two files must come from the same set.");
        }
        int[] values = new int[labels.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = labels.values()[i] & 0xff;
        }
        List<String> names = classNames != null ? classNames : Labels.numbered(Labels.impliedClasses(values));
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= names.size()) {
                throw new DatasetException("IDX file " + labelsFile + " gives example " + i + " the label " + values[i]
                        + ", outside the classes 0.." + (names.size() - 1) + "; it is corrupt or not the right file.");
            }
        }
        int rows = images.dimensions()[1];
        int cols = images.dimensions()[2];
        return new ByteImageDataset(name, 1, rows, cols, names, values,
                ByteImageStore.wrap(images.values(), images.count(), rows * cols));
    }

    /** Whether {@code directory} holds an IDX images file; says nothing of whether it reads. */
    static boolean holdsImagesFile(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> IMAGES_FILE.matcher(file.getFileName().toString()).matches());
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@code directory} holds a test pair ({@code t10k-} or {@code test} in the name) apart from its training pair. */
    static boolean holdsTestPair(Path directory) {
        return imageFiles(directory).stream().anyMatch(IdxPair::namesTestData);
    }

    /**
     * The training ({@code train} set) or test pair in {@code directory}: the images file whose name says
     * {@code train} (or {@code t10k}/{@code test}), or else the only one there, and the labels file beside it.
     */
    static ImageDataset inDirectory(Path directory, boolean train) {
        DatasetFiles.requireDirectory(directory, "IDX directory", "pass the directory that holds the IDX files");
        List<Path> candidates = imageFiles(directory);
        if (candidates.isEmpty()) {
            throw new DatasetException("IDX directory " + directory + " holds no images file named like"
                    + " train-images-idx3-ubyte(.gz); pass the directory that holds the IDX files.");
        }
        List<Path> forRole = candidates.stream()
                .filter(file -> train ? namesTrainingData(file) : namesTestData(file)).toList();
        if (forRole.isEmpty() && candidates.size() == 1) {
            forRole = candidates; // a folder of one pair serves either role
        }
        String role = train ? "training" : "test";
        if (forRole.isEmpty()) {
            throw new DatasetException("IDX directory " + directory + " holds no " + role + " images file (one with "
                    + (train ? "train" : "t10k or test") + " in its name) among " + names(candidates) + "; pass "
                    + (train ? "the training files' directory." : "--test, or hold out part of the training set with --test-split."));
        }
        if (forRole.size() > 1) {
            throw new DatasetException("IDX directory " + directory + " holds several " + role + " images files ("
                    + names(forRole) + "); pass a directory that holds one pair.");
        }
        Path imagesFile = forRole.get(0);
        Matcher name = IMAGES_FILE.matcher(imagesFile.getFileName().toString());
        name.matches();
        String labelsBase = name.group(1) + "labels" + name.group(2) + "idx1-ubyte";
        Path labelsFile = DatasetFiles.plainOrGzip(directory, labelsBase, "IDX labels file " + labelsBase
                + "(.gz), which goes with " + imagesFile.getFileName() + ", is missing from " + directory
                + "; put it beside the images file.", "pass another directory");
        String title = directory.getFileName() == null ? directory.toString() : directory.getFileName().toString();
        return read(imagesFile, labelsFile, train ? title : title + " test", null);
    }

    private static List<Path> imageFiles(Path directory) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> IMAGES_FILE.matcher(file.getFileName().toString()).matches())
                    .sorted().forEach(found::add);
        } catch (IOException e) {
            throw new DatasetException("Cannot list the IDX directory " + directory + ": " + FileProblem.reason(e)
                    + "; make it readable.", e);
        }
        return found;
    }

    private static boolean namesTrainingData(Path file) {
        return file.getFileName().toString().toLowerCase().contains("train");
    }

    private static boolean namesTestData(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.contains("t10k") || name.contains("test");
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(file -> file.getFileName().toString()).toList());
    }
}
