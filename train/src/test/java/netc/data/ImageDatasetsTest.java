package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrays, IDX pairs, splits, limits, class matching and telling formats from paths. */
class ImageDatasetsTest {
    @TempDir
    Path dir;

    private static byte[] bytes(ImageDataset data, int index) {
        byte[] image = new byte[data.imageSize()];
        data.readBytes(index, image, 0);
        return image;
    }

    private static float[] floats(ImageDataset data, int index) {
        float[] image = new float[data.imageSize()];
        data.readImage(index, image, 0);
        return image;
    }

    private static String refusal(Runnable make) {
        DatasetException e = assertThrows(DatasetException.class, make::run);
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        return e.getMessage();
    }

    @Test
    void floatArraysAreUsedAsGiven() {
        float[][] images = {{0f, 0.5f, 1f}, {0.25f, 0.75f, 0f}};
        ImageDataset data = ImageDatasets.arrays("mine", images, new int[] {1, 0}, 1, 1, 3);
        assertEquals("mine", data.name());
        assertEquals(List.of("0", "1"), data.classNames());
        assertFalse(data.storesBytes());
        assertArrayEquals(images[1], floats(data, 1));
        assertEquals(1, data.label(0));
        assertEquals("mine: 2 images of 1×1×3, 2 classes", data.toString());
    }

    @Test
    void byteArraysAreBytesAndScaleTo01() {
        byte[][] images = {{0, (byte) 255, 51}};
        ImageDataset data = ImageDatasets.arrays("b", images, new int[] {2}, 1, 1, 3, List.of("x", "y", "z"));
        assertTrue(data.storesBytes());
        assertArrayEquals(images[0], bytes(data, 0));
        assertArrayEquals(new float[] {0f, 1f, 0.2f}, floats(data, 0));
        assertEquals(List.of("x", "y", "z"), data.classNames());
    }

    @Test
    void aLabelOutsideTheClassNamesIsRefusedNamingTheExample() {
        assertEquals("b gives example 1 the label 5, outside its 3 classes 0..2; fix the label or the class names.",
                refusal(() -> ImageDatasets.arrays("b", new byte[2][4], new int[] {0, 5}, 1, 2, 2, List.of("a", "b", "c"))));
        assertEquals("b gives example 0 the label -2; labels are class numbers from 0.",
                refusal(() -> ImageDatasets.arrays("b", new byte[1][4], new int[] {-2}, 1, 2, 2)));
    }

    @Test
    void arraysThatDisagreeWithTheirShapeAreRefused() {
        assertEquals("f has 2 images but 1 labels; give one label per image.",
                refusal(() -> ImageDatasets.arrays("f", new float[2][4], new int[1], 1, 2, 2)));
        assertEquals("f image 1 holds 3 values, but 4 (channels × height × width) were declared; give every image that"
                + " many values.", refusal(() -> ImageDatasets.arrays("f", new float[][] {new float[4], new float[3]},
                new int[2], 1, 2, 2)));
        assertEquals("f holds no images; a dataset needs at least one.",
                refusal(() -> ImageDatasets.arrays("f", new float[0][], new int[0], 1, 2, 2)));
        assertEquals("f has images of 2 channels, but a dataset holds grey (1 channel) or RGB (3 channels) images;"
                + " convert the images to one of those.",
                refusal(() -> ImageDatasets.arrays("f", new byte[1][8], new int[1], 2, 2, 2)));
    }

    @Test
    void floatsOutsideZeroToOneAreRefused() {
        assertEquals("f image 0 holds -0.5 at position 1, but image values are floats in [0, 1]; scale them"
                + " (bytes / 255, say), and leave normalisation to the trainer's mean and std.",
                refusal(() -> ImageDatasets.arrays("f", new float[][] {{0f, -0.5f}}, new int[1], 1, 1, 2)));
        assertTrue(refusal(() -> ImageDatasets.arrays("f", new float[][] {{Float.NaN, 0f}}, new int[1], 1, 1, 2))
                .startsWith("f image 0 holds NaN at position 0"));
    }

    private static ImageDataset numbered(int count) {
        byte[][] images = new byte[count][1];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            images[i][0] = (byte) i;
            labels[i] = i % 3;
        }
        return ImageDatasets.arrays("n", images, labels, 1, 1, 1);
    }

    private static List<Integer> values(ImageDataset data) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            values.add(bytes(data, i)[0] & 0xff);
        }
        return values;
    }

    @Test
    void aHoldOutSplitIsSeededDisjointAndComplete() {
        ImageDataset data = numbered(100);
        ImageDatasets.Split split = ImageDatasets.holdOut(data, 0.1, 7);
        assertEquals(90, split.train().size());
        assertEquals(10, split.test().size());
        assertEquals("n", split.train().name());
        assertEquals("n (held out)", split.test().name());
        Set<Integer> all = new HashSet<>(values(split.train()));
        all.addAll(values(split.test()));
        assertEquals(100, all.size(), "every image in exactly one part");
        List<Integer> test = values(split.test());
        assertEquals(test.stream().sorted().toList(), test, "the held-out images keep the dataset's order");
        for (int i = 0; i < split.test().size(); i++) {
            assertEquals(test.get(i) % 3, split.test().label(i), "labels travel with their images");
        }
        assertEquals(test, values(ImageDatasets.holdOut(data, 0.1, 7).test()), "the same seed, the same split");
        assertNotEquals(test, values(ImageDatasets.holdOut(data, 0.1, 8).test()), "another seed, another split");
    }

    @Test
    void impossibleHoldOutsAreRefused() {
        assertEquals("Cannot hold out 1.0 of n: the test fraction must lie strictly between 0 and 1, such as 0.1.",
                refusal(() -> ImageDatasets.holdOut(numbered(10), 1.0, 1)));
        assertEquals("Holding out 0.9 of n's 2 images leaves none to train on; use a smaller fraction or more images.",
                refusal(() -> ImageDatasets.holdOut(numbered(2), 0.9, 1)));
    }

    @Test
    void aLimitKeepsTheFirstImages() {
        ImageDataset data = numbered(10);
        assertEquals(List.of(0, 1, 2), values(ImageDatasets.limit(data, 3)));
        assertSame(data, ImageDatasets.limit(data, 0));
        assertSame(data, ImageDatasets.limit(data, 10));
    }

    @Test
    void aTestSetsClassesAreMatchedToTheTrainingSetsByName() {
        ImageDataset test = ImageDatasets.arrays("t", new byte[2][1], new int[] {0, 1}, 1, 1, 1, List.of("dog", "cat"));
        ImageDataset matched = ImageDatasets.withClasses(test, List.of("bird", "cat", "dog"));
        assertEquals(List.of("bird", "cat", "dog"), matched.classNames());
        assertEquals(2, matched.label(0));
        assertEquals(1, matched.label(1));
        assertSame(test, ImageDatasets.withClasses(test, List.of("dog", "cat")));
        assertEquals("t has the class \"dog\", which the training data's classes [bird, cat] do not include; remove its"
                + " images or train on data that has it.",
                refusal(() -> ImageDatasets.withClasses(test, List.of("bird", "cat"))));
    }

    private void writeIdx(Path images, Path labels, int count, int rows, int cols, byte[] labelValues, boolean gzip)
            throws IOException {
        byte[] pixels = new byte[count * rows * cols];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (3 * i);
        }
        byte[] imageFile = IdxFiles.encode(IdxReader.IMAGES_MAGIC, new int[] {count, rows, cols}, pixels);
        byte[] labelFile = IdxFiles.encode(IdxReader.LABELS_MAGIC, new int[] {count}, labelValues);
        Files.createDirectories(images.getParent());
        IdxFiles.write(images, gzip ? IdxFiles.gzip(imageFile) : imageFile);
        IdxFiles.write(labels, gzip ? IdxFiles.gzip(labelFile) : labelFile);
    }

    @Test
    void anyIdxPairIsRead() throws IOException {
        Path images = dir.resolve("letters-images.gz");
        Path labels = dir.resolve("letters-labels.gz");
        writeIdx(images, labels, 3, 2, 5, new byte[] {4, 0, 2}, true);
        ImageDataset data = ImageDatasets.idx(images, labels);
        assertEquals(3, data.size());
        assertEquals(2, data.height());
        assertEquals(5, data.width());
        assertEquals(List.of("0", "1", "2", "3", "4"), data.classNames(), "classes 0 to the largest label");
        assertArrayEquals(new byte[] {30, 33, 36, 39, 42, 45, 48, 51, 54, 57}, bytes(data, 1));
        assertEquals(List.of("a", "b", "c", "d", "e"),
                ImageDatasets.idx(images, labels, List.of("a", "b", "c", "d", "e")).classNames());
        assertTrue(refusal(() -> ImageDatasets.idx(images, labels, List.of("a", "b")))
                .contains("gives example 0 the label 4, outside the classes 0..1"));
        Path missing = dir.resolve("nothing");
        assertEquals("IDX file " + missing + " does not exist.", refusal(() -> ImageDatasets.idx(missing, labels)));
    }

    @Test
    void anIdxFolderGivesItsTrainingAndTestPairs() throws IOException {
        Path mnist = dir.resolve("mnist");
        writeIdx(mnist.resolve("train-images-idx3-ubyte.gz"), mnist.resolve("train-labels-idx1-ubyte.gz"), 4, 2, 2,
                new byte[] {0, 1, 2, 9}, true);
        writeIdx(mnist.resolve("t10k-images.idx3-ubyte"), mnist.resolve("t10k-labels.idx1-ubyte"), 2, 2, 2,
                new byte[] {3, 4}, false);
        ImageDataset train = ImageDatasets.idxDirectory(mnist, true);
        ImageDataset test = ImageDatasets.idxDirectory(mnist, false);
        assertEquals("mnist", train.name());
        assertEquals(4, train.size());
        assertEquals("mnist test", test.name());
        assertEquals(2, test.size());
        assertEquals(DataFormat.IDX, DataFormat.of(mnist));
        assertTrue(DataSource.of(mnist).holdsTestSet());
        assertEquals(4, ImageDatasets.open(mnist, null).size());
    }

    @Test
    void aPrefixedIdxPairIsFoundAlone() throws IOException {
        Path emnist = dir.resolve("emnist");
        writeIdx(emnist.resolve("emnist-letters-train-images-idx3-ubyte"),
                emnist.resolve("emnist-letters-train-labels-idx1-ubyte"), 2, 3, 3, new byte[] {1, 2}, false);
        assertEquals(2, ImageDatasets.idxDirectory(emnist, true).size());
        assertFalse(DataSource.of(emnist).holdsTestSet());
        assertEquals(2, ImageDatasets.idxDirectory(emnist, false).size(), "a folder of one pair serves as a test set too");
        writeIdx(emnist.resolve("emnist-letters-extra-images-idx3-ubyte"),
                emnist.resolve("emnist-letters-extra-labels-idx1-ubyte"), 2, 3, 3, new byte[] {1, 2}, false);
        assertEquals("IDX directory " + emnist + " holds no test images file (one with t10k or test in its name) among"
                + " emnist-letters-extra-images-idx3-ubyte, emnist-letters-train-images-idx3-ubyte; pass --test, or hold"
                + " out part of the training set with --test-split.",
                refusal(() -> ImageDatasets.idxDirectory(emnist, false)));
    }

    @Test
    void anIdxImagesFileWithoutItsLabelsIsRefused() throws IOException {
        Path folder = dir.resolve("half");
        writeIdx(folder.resolve("train-images-idx3-ubyte"), folder.resolve("train-labels-idx1-ubyte"), 2, 2, 2,
                new byte[] {0, 1}, false);
        Files.delete(folder.resolve("train-labels-idx1-ubyte"));
        assertEquals("IDX labels file train-labels-idx1-ubyte(.gz), which goes with train-images-idx3-ubyte, is missing"
                + " from " + folder + "; put it beside the images file.",
                refusal(() -> ImageDatasets.idxDirectory(folder, true)));
    }

    @Test
    void formatsAreToldFromThePath() throws IOException {
        Path csv = Files.writeString(dir.resolve("data.CSV"), "0,1");
        assertEquals(DataFormat.CSV, DataFormat.of(csv));
        Path images = Files.createDirectories(dir.resolve("photos/cat"));
        assertEquals(DataFormat.IMAGES, DataFormat.of(images.getParent()));
        assertEquals(DataFormat.IMAGES, DataFormat.parse(" Images "));
        Path text = Files.writeString(dir.resolve("data.txt"), "0,1");
        assertEquals("Data " + text + " is a file but not a .csv file; pass a .csv file, an IDX folder or a folder of"
                + " class sub-folders, or name the format with --data-format.", refusal(() -> DataFormat.of(text)));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("Data folder " + empty + " holds neither IDX files (train-images-idx3-ubyte[.gz]) nor class"
                + " sub-folders of images; pass an IDX folder, a .csv file or a folder of class sub-folders.",
                refusal(() -> DataFormat.of(empty)));
        Path missing = dir.resolve("missing");
        assertEquals("Data " + missing + " does not exist; pass an IDX folder, a .csv file or a folder of class"
                + " sub-folders.", refusal(() -> DataFormat.of(missing)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataFormat.parse("png"));
        assertEquals("Data format \"png\" is none of idx, csv, images.", e.getMessage());
    }

    /** A file named .txt read as CSV when the format is given. */
    @Test
    void aGivenFormatOverridesThePath() throws IOException {
        Path text = Files.writeString(dir.resolve("data.txt"), "1,0,0,0,0\n");
        assertEquals(1, ImageDatasets.open(text, DataFormat.CSV).size());
    }
}
