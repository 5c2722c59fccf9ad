package netc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.stream.Stream;
import netc.runtime.io.FileProblem;

/** The kinds of data files netc reads, and how one is told from its path. */
public enum DataFormat {
    /** A folder holding an IDX pair ({@code train-images-idx3-ubyte[.gz]} and its labels), or two. */
    IDX,
    /** A {@code .csv} file: a label column and pixel columns. */
    CSV,
    /** A folder of images with one sub-folder per class. */
    IMAGES;

    /** {@code idx}, {@code csv} or {@code images}, in any case. */
    public static DataFormat parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Data format \"" + text + "\" is none of idx, csv, images.", e);
        }
    }

    /**
     * The kind {@code path} holds: a file ending in {@code .csv} is CSV; a folder holding an IDX images
     * file is IDX; a folder of sub-folders is an image folder.
     */
    public static DataFormat of(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DatasetException("Data " + path + " does not exist; pass an IDX folder, a .csv file or a folder of"
                    + " class sub-folders.", e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read the data " + path + ": " + FileProblem.reason(e) + "; make it"
                    + " readable.", e);
        }
        if (!attributes.isDirectory()) {
            if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                return CSV;
            }
            throw new DatasetException("Data " + path + " is a file but not a .csv file; pass a .csv file, an IDX folder"
                    + " or a folder of class sub-folders, or name the format with --data-format.");
        }
        if (IdxPair.holdsImagesFile(path)) {
            return IDX;
        }
        try (Stream<Path> entries = Files.list(path)) {
            if (entries.anyMatch(entry -> Files.isDirectory(entry) && !entry.getFileName().toString().startsWith("."))) {
                return IMAGES;
            }
        } catch (IOException e) {
            throw new DatasetException("Cannot list the data folder " + path + ": " + FileProblem.reason(e)
                    + "; make it readable.", e);
        }
        throw new DatasetException("Data folder " + path + " holds neither IDX files (train-images-idx3-ubyte[.gz])"
                + " nor class sub-folders of images; pass an IDX folder, a .csv file or a folder of class sub-folders.");
    }
}
