package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders of class sub-folders of images the test writes with ImageIO: read exactly, or refused naming the file. */
class ImageFolderTest {
    @TempDir
    Path root;

    /** A grey PNG whose pixel (y, x) is {@code base + 10·y + x}. */
    static Path greyPng(Path file, int height, int width, int base) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, base + 10 * y + x);
            }
        }
        return write(image, "png", file);
    }

    /** An RGB image whose pixel (y, x) is (r, g, b) = (base + x, base + 2y, base + 50). */
    static Path rgbImage(Path file, int height, int width, int base, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (base + x) << 16 | (base + 2 * y) << 8 | (base + 50));
            }
        }
        return write(image, format, file);
    }

    private static Path write(BufferedImage image, String format, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    private static byte[] bytes(ImageDataset data, int index) {
        byte[] image = new byte[data.imageSize()];
        data.readBytes(index, image, 0);
        return image;
    }

    private static byte[] unsigned(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private DatasetException refusal(Path folder, String... named) {
        DatasetException e = assertThrows(DatasetException.class, () -> ImageDatasets.imageFolder(folder));
        for (String name : named) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        return e;
    }

    @Test
    void greyPngsInClassFoldersAreReadExactlyWithSortedClassNames() throws IOException {
        greyPng(root.resolve("shirt/b.png"), 2, 3, 100);
        greyPng(root.resolve("shirt/a.png"), 2, 3, 0);
        greyPng(root.resolve("boot/x.png"), 2, 3, 200);
        ImageDataset data = ImageDatasets.imageFolder(root);
        assertEquals(root.getFileName().toString(), data.name());
        assertEquals(List.of("boot", "shirt"), data.classNames());
        assertEquals(3, data.size());
        assertEquals(1, data.channels());
        assertEquals(2, data.height());
        assertEquals(3, data.width());
        // boot/x, shirt/a, shirt/b: classes in name order, files in name order within each
        assertEquals(List.of(0, 1, 1), List.of(data.label(0), data.label(1), data.label(2)));
        assertArrayEquals(unsigned(200, 201, 202, 210, 211, 212), bytes(data, 0));
        assertArrayEquals(unsigned(0, 1, 2, 10, 11, 12), bytes(data, 1));
        assertArrayEquals(unsigned(100, 101, 102, 110, 111, 112), bytes(data, 2));
    }

    @Test
    void anyColourImageMakesTheDatasetRgbAndGreyImagesFillEveryChannel() throws IOException {
        rgbImage(root.resolve("red/a.png"), 2, 2, 10, "png");
        greyPng(root.resolve("grey/a.png"), 2, 2, 30);
        ImageDataset data = ImageDatasets.imageFolder(root);
        assertEquals(3, data.channels());
        assertEquals(List.of("grey", "red"), data.classNames());
        // CHW: the grey image's plane three times
        assertArrayEquals(unsigned(30, 31, 40, 41, 30, 31, 40, 41, 30, 31, 40, 41), bytes(data, 0));
        // red plane base + x, green base + 2y, blue base + 50
        assertArrayEquals(unsigned(10, 11, 10, 11, 10, 10, 12, 12, 60, 60, 60, 60), bytes(data, 1));
    }

    @Test
    void jpegsAreRead() throws IOException {
        rgbImage(root.resolve("a/one.jpg"), 8, 8, 100, "jpg");
        rgbImage(root.resolve("b/two.JPEG"), 8, 8, 20, "jpg");
        ImageDataset data = ImageDatasets.imageFolder(root);
        assertEquals(2, data.size());
        assertEquals(3, data.channels());
        // JPEG is lossy: the blue plane (base + 50 everywhere) comes back within a few levels.
        byte[] first = bytes(data, 0);
        for (int i = 2 * 64; i < 3 * 64; i++) {
            assertEquals(150, first[i] & 0xff, 6, "blue at " + i);
        }
    }

    @Test
    void imagesOfAnotherSizeAreResizedToTheMostCommonOne() throws IOException {
        greyPng(root.resolve("a/1.png"), 4, 4, 0);
        greyPng(root.resolve("a/2.png"), 4, 4, 0);
        BufferedImage flat = new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                flat.getRaster().setSample(x, y, 0, 77);
            }
        }
        write(flat, "png", root.resolve("b/big.png"));
        ImageDataset data = ImageDatasets.imageFolder(root);
        assertEquals(4, data.height());
        assertEquals(4, data.width());
        byte[] resized = bytes(data, 2);
        byte[] expected = new byte[16];
        Arrays.fill(expected, (byte) 77);
        assertArrayEquals(expected, resized, "a uniform image stays uniform when resized");
    }

    @Test
    void anExplicitSizeResizesEveryImageAsTheDeviceWould() throws IOException {
        greyPng(root.resolve("a/1.png"), 2, 2, 0);
        ImageDataset data = ImageDatasets.imageFolder(root, 1, 4);
        assertEquals(1, data.height());
        assertEquals(4, data.width());
        // Rows 0..1 (values 0, 1 / 10, 11) averaged at y: source row 0.5 → mean of the rows;
        // x: sources 0, 0.25, 0.75, 1 (clamped), as BilinearReference's hand-worked case.
        float[] reference = BilinearReference.resize(unsigned(0, 1, 10, 11), 0, 2, 2, 1, 4);
        byte[] actual = bytes(data, 0);
        for (int x = 0; x < 4; x++) {
            assertEquals(Math.round(reference[x] * 255), actual[x] & 0xff, "x " + x);
        }
    }

    @Test
    void hiddenFilesAndOperatingSystemLitterAreSkipped() throws IOException {
        greyPng(root.resolve("a/1.png"), 2, 2, 0);
        Files.writeString(root.resolve("a/.DS_Store"), "x");
        Files.writeString(root.resolve("a/Thumbs.db"), "x");
        Files.createDirectories(root.resolve(".cache"));
        Files.writeString(root.resolve("README.txt"), "about these images");
        assertEquals(1, ImageDatasets.imageFolder(root).size());
    }

    @Test
    void anEmptyClassFolderIsRefusedNamingIt() throws IOException {
        greyPng(root.resolve("cat/1.png"), 2, 2, 0);
        Path dog = Files.createDirectories(root.resolve("dog"));
        assertEquals("Class folder " + dog + " holds no images (PNG, JPEG, BMP or GIF); add its images or remove the"
                + " folder.", refusal(root).getMessage());
    }

    @Test
    void aFileThatIsNoImageIsRefusedNamingIt() throws IOException {
        greyPng(root.resolve("cat/1.png"), 2, 2, 0);
        Path notes = Files.writeString(root.resolve("cat/notes.txt"), "cats");
        assertEquals("File " + notes + " is not a PNG, JPEG, BMP or GIF image (by its name); convert it to one of those"
                + " or move it out of the image folder.", refusal(root).getMessage());
    }

    @Test
    void aCorruptImageIsRefusedNamingIt() throws IOException {
        greyPng(root.resolve("cat/1.png"), 2, 2, 0);
        Path corrupt = Files.writeString(root.resolve("cat/2.png"), "this is not a PNG");
        assertEquals("Image " + corrupt + " is not in a format ImageIO reads (PNG, JPEG, BMP or GIF); it is corrupt or"
                + " misnamed, so replace or remove it.", refusal(root).getMessage());
    }

    /** A PNG cut short keeps a readable header: the first pass passes it, decoding must still name it. */
    @Test
    void aTruncatedImageIsRefusedNamingIt() throws IOException {
        greyPng(root.resolve("cat/1.png"), 2, 2, 0);
        Path whole = rgbImage(root.resolve("cat/2.png"), 40, 40, 3, "png");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(whole, Arrays.copyOf(bytes, bytes.length / 2));
        String message = refusal(root, whole.toString()).getMessage();
        assertTrue(message.startsWith("Image " + whole + " cannot be read ("), message);
        assertTrue(message.endsWith("); it is corrupt or truncated, so replace or remove it."), message);
    }

    @Test
    void imagesBesideTheClassFoldersAreRefused() throws IOException {
        greyPng(root.resolve("cat/1.png"), 2, 2, 0);
        greyPng(root.resolve("stray.png"), 2, 2, 0);
        assertEquals("Image folder " + root + " holds images itself (stray.png), but a dataset folder holds one"
                + " sub-folder per class; move each class's images into a sub-folder named after it.",
                refusal(root).getMessage());
    }

    @Test
    void aFolderWithoutClassFoldersOrMissingIsRefused() throws IOException {
        assertEquals("Image folder " + root + " has no class sub-folders; put each class's images in a sub-folder named"
                + " after the class.", refusal(root).getMessage());
        Path missing = root.resolve("missing");
        assertEquals("Image folder " + missing + " does not exist; pass a folder that holds one sub-folder of images per"
                + " class.", refusal(missing).getMessage());
    }
}
