package netc.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import netc.runtime.io.FileProblem;

/** Checks on the files and directories datasets come from, each failure one sentence naming the path. */
final class DatasetFiles {
    private DatasetFiles() {}

    /**
     * Refuses a directory that is missing, not a directory or unreadable, each in its own words:
     * {@link Files#isDirectory} answers false for all three, which would call an unreadable one missing.
     *
     * @param what how the message names it ("IDX directory")
     * @param fix what to do instead, for a missing one or a file
     */
    static void requireDirectory(Path directory, String what, String fix) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(directory, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DatasetException(capitalised(what) + " " + directory + " does not exist; " + fix + ".", e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read the " + what + " " + directory + ": " + FileProblem.reason(e)
                    + "; make it readable or pass another one.", e);
        }
        if (!attributes.isDirectory()) {
            throw new DatasetException(capitalised(what) + " " + directory + " is a file, not a directory; " + fix + ".");
        }
    }

    /** Refuses a file that is missing, a directory or unreadable. */
    static void requireFile(Path file, String what) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DatasetException(capitalised(what) + " " + file + " does not exist; check the path.", e);
        } catch (IOException e) {
            throw new DatasetException("Cannot read the " + what + " " + file + ": " + FileProblem.reason(e)
                    + "; make it readable.", e);
        }
        if (!attributes.isRegularFile()) {
            throw new DatasetException(capitalised(what) + " " + file + " is a directory, not a file; pass the file.");
        }
    }

    /**
     * The file named {@code base} or {@code base.gz} in {@code directory}, whichever exists (the plain
     * one first); {@code missing} is the message when neither does.
     *
     * @param fix the end of the message for a file that exists but cannot be reached
     */
    static Path plainOrGzip(Path directory, String base, String missing, String fix) {
        for (String candidate : new String[] {base, base + ".gz"}) {
            Path file = directory.resolve(candidate);
            try {
                if (Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
                    return file;
                }
            } catch (NoSuchFileException e) {
                // try the other name
            } catch (IOException e) {
                // Not "missing": e.g. a directory without search permission hides files that are there.
                throw new DatasetException("Cannot read " + file + ": " + FileProblem.reason(e)
                        + "; make the directory and its files readable or " + fix + ".", e);
            }
        }
        throw new DatasetException(missing);
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
