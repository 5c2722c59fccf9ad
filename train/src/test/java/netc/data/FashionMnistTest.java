package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    private static final String IMAGES = "train-images-idx3-ubyte";
    private static final String LABELS = "train-labels-idx1-ubyte";

    @TempDir
    Path dir;

    private void writeGood(int count, boolean gzip) throws IOException {
        byte[] images = IdxFiles.encode(2051, new int[] {count, 28, 28}, IdxFiles.images(count));
        byte[] labels = IdxFiles.encode(2049, new int[] {count}, IdxFiles.labels(count));
        IdxFiles.write(dir.resolve(IMAGES + (gzip ? ".gz" : "")), gzip ? IdxFiles.gzip(images) : images);
        IdxFiles.write(dir.resolve(LABELS + (gzip ? ".gz" : "")), gzip ? IdxFiles.gzip(labels) : labels);
    }

    private void writeLabels(int count) throws IOException {
        IdxFiles.write(dir.resolve(LABELS), IdxFiles.encode(2049, new int[] {count}, IdxFiles.labels(count)));
    }

    /** The message must be one sentence naming {@code named} and saying {@code what}. */
    private DatasetException fails(String named, String what) {
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.train(dir));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
        return e;
    }

    @Test
    void readsPlainAndGzipFilesAlike() throws IOException {
        writeGood(3, false);
        ImageDataset plain = FashionMnist.train(dir);
        Files.delete(dir.resolve(IMAGES));
        Files.delete(dir.resolve(LABELS));
        writeGood(3, true);
        ImageDataset gzipped = FashionMnist.train(dir);
        assertEquals(3, gzipped.size());
        assertEquals(FashionMnist.CLASS_NAMES, gzipped.classNames());
        assertEquals("Fashion-MNIST", gzipped.name());
        assertArrayEquals(IdxFiles.images(3), BatchLoaderTest.packed(gzipped));
        assertArrayEquals(BatchLoaderTest.packed(plain), BatchLoaderTest.packed(gzipped));
        for (int i = 0; i < 3; i++) {
            assertEquals(IdxFiles.labels(3)[i], gzipped.label(i));
        }
    }

    @Test
    void aMissingDirectorySaysWhichPackageProvidesIt() {
        Path missing = dir.resolve("nowhere");
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.test(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamedWithItsDirectory() throws IOException {
        writeGood(2, true);
        Files.delete(dir.resolve(LABELS + ".gz"));
        DatasetException e = fails(LABELS, "missing");
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void aWrongMagicNumberIsRefused() throws IOException {
        writeLabels(2);
        IdxFiles.write(dir.resolve(IMAGES), IdxFiles.encode(2049, new int[] {2}, new byte[2]));
        fails(IMAGES, "magic number 2049");
    }

    @Test
    void labelsInTheImagesPlaceAreRefusedByMagic() throws IOException {
        writeGood(2, false);
        IdxFiles.write(dir.resolve(LABELS), IdxFiles.encode(2051, new int[] {2, 28, 28}, IdxFiles.images(2)));
        fails(LABELS, "magic number 2051");
    }

    @Test
    void aTruncatedPlainFileIsRefused() throws IOException {
        writeLabels(3);
        byte[] whole = IdxFiles.encode(2051, new int[] {3, 28, 28}, IdxFiles.images(3));
        IdxFiles.write(dir.resolve(IMAGES), Arrays.copyOf(whole, whole.length - 100));
        fails(IMAGES, "truncated");
    }

    @Test
    void aFileEndingInsideItsHeaderIsRefused() throws IOException {
        writeLabels(3);
        IdxFiles.write(dir.resolve(IMAGES), new byte[] {0, 0, 8, 3, 0, 0});
        fails(IMAGES, "truncated");
    }

    @Test
    void aTruncatedGzipFileIsRefused() throws IOException {
        writeLabels(3);
        byte[] gz = IdxFiles.gzip(IdxFiles.encode(2051, new int[] {3, 28, 28}, IdxFiles.images(3)));
        IdxFiles.write(dir.resolve(IMAGES + ".gz"), Arrays.copyOf(gz, gz.length / 2));
        fails(IMAGES, "truncated");
    }

    @Test
    void aCorruptGzipFileIsRefused() throws IOException {
        writeLabels(3);
        byte[] gz = IdxFiles.gzip(IdxFiles.encode(2051, new int[] {3, 28, 28}, IdxFiles.images(3)));
        gz[gz.length - 8] ^= 0x55; // the trailer's CRC-32 of the data no longer matches it
        IdxFiles.write(dir.resolve(IMAGES + ".gz"), gz);
        fails(IMAGES, "gzip");
    }

    @Test
    void imagesOfTheWrongSizeAreRefused() throws IOException {
        writeLabels(2);
        IdxFiles.write(dir.resolve(IMAGES), IdxFiles.encode(2051, new int[] {2, 27, 28}, new byte[2 * 27 * 28]));
        fails(IMAGES, "27×28");
    }

    @Test
    void aZeroCountIsRefused() throws IOException {
        writeLabels(2);
        IdxFiles.write(dir.resolve(IMAGES), IdxFiles.encode(2051, new int[] {0, 28, 28}, new byte[0]));
        fails(IMAGES, "at least 1");
    }

    @Test
    void dataPastTheDeclaredEndIsRefused() throws IOException {
        writeGood(2, false);
        byte[] labels = IdxFiles.encode(2049, new int[] {2}, new byte[] {1, 2, 3});
        IdxFiles.write(dir.resolve(LABELS), labels);
        fails(LABELS, "past the 2 values");
    }

    @Test
    void differentCountsOfImagesAndLabelsAreRefused() throws IOException {
        writeGood(3, false);
        writeLabels(2);
        DatasetException e = fails(IMAGES, "3 images");
        assertTrue(e.getMessage().contains("2 labels"), e.getMessage());
        assertTrue(e.getMessage().contains(LABELS), e.getMessage());
    }

    @Test
    void aLabelOutsideTheClassesIsRefused() throws IOException {
        writeGood(3, false);
        IdxFiles.write(dir.resolve(LABELS), IdxFiles.encode(2049, new int[] {3}, new byte[] {0, 10, 2}));
        fails(LABELS, "example 1 the label 10");
    }

    @Test
    void readsTheInstalledFiles() {
        ImageDataset train = FashionMnist.train(FashionMnist.DEFAULT_DIRECTORY);
        ImageDataset test = FashionMnist.test(FashionMnist.DEFAULT_DIRECTORY);
        assertEquals(60000, train.size());
        assertEquals(10000, test.size());
        for (ImageDataset data : new ImageDataset[] {train, test}) {
            assertEquals(1, data.channels());
            assertEquals(28, data.height());
            assertEquals(28, data.width());
            assertTrue(data.storesBytes());
            // Fashion-MNIST is balanced: each class holds a tenth of each split.
            int[] perClass = new int[10];
            for (int i = 0; i < data.size(); i++) {
                perClass[data.label(i)]++;
            }
            int[] tenth = new int[10];
            Arrays.fill(tenth, data.size() / 10);
            assertArrayEquals(tenth, perClass, data.name());
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("fashion-mnist"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.train(file));
        assertEquals("Fashion-MNIST directory " + file + " is a file, not a directory; pass the directory that holds"
                + " the IDX files.", e.getMessage());
    }

    /** A file that is there but cannot be reached is not "missing": the operating system's reason is kept. */
    @Test
    void anUnreachableFileGivesTheOperatingSystemsReasonNotMissing() throws IOException {
        writeLabels(3);
        Path loop = Files.createSymbolicLink(dir.resolve(IMAGES), dir.resolve(IMAGES));
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.train(dir));
        assertTrue(e.getMessage().startsWith("Cannot read " + loop + ": too many levels of symbolic links"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; make the directory and its files readable or pass another --data-dir."),
                e.getMessage());
    }

    @Test
    void anUnreadableDirectorySaysPermissionDeniedNotMissing() throws IOException {
        writeGood(3, false);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            // Tests run as root in CI, where chmod does not deny access: the case cannot arise there.
            assumeFalse(Files.isReadable(dir.resolve(IMAGES)), "chmod does not deny access to this user (root)");
            DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.train(dir));
            assertEquals("Cannot read " + dir.resolve(IMAGES) + ": permission denied; make the directory and its files"
                    + " readable or pass another --data-dir.", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        writeGood(3, false);
        Path images = dir.resolve(IMAGES);
        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("---------"));
        // Tests run as root in CI, where chmod does not deny access: the case cannot arise there.
        assumeFalse(Files.isReadable(images), "chmod does not deny access to this user (root)");
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.train(dir));
        assertEquals("IDX file " + images + " could not be read: permission denied; make it readable or pass another"
                + " --data-dir.", e.getMessage());
    }
}
