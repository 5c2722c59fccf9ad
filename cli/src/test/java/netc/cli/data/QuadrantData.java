package netc.cli.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/**
 * An easy three-class task the tests write in every format: an image's class is which of its
 * top-left (0), top-right (1) or bottom-left (2) quadrants is bright (values 170..255; the rest 0..70).
 */
final class QuadrantData {
    private QuadrantData() {}

    /** Image {@code i} of a set drawn from {@code seed}: grey values, row-major, and its class {@code i % 3}. */
    static int[] image(int size, int i, long seed) {
        Random random = new Random(seed * 1_000_003L + i);
        int label = i % 3;
        int[] pixels = new int[size * size];
        int half = size / 2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int quadrant = y < half ? (x < half ? 0 : 1) : (x < half ? 2 : 3);
                pixels[y * size + x] = quadrant == label ? 170 + random.nextInt(86) : random.nextInt(71);
            }
        }
        return pixels;
    }

    /** A CSV of {@code count} 8×8 grey images, label first, optionally with a header row. */
    static Path csv(Path file, int count, long seed, boolean header) throws IOException {
        StringBuilder text = new StringBuilder();
        if (header) {
            text.append("label");
            for (int p = 1; p <= 64; p++) {
                text.append(",pixel").append(p);
            }
            text.append('\n');
        }
        for (int i = 0; i < count; i++) {
            text.append(i % 3);
            for (int value : image(8, i, seed)) {
                text.append(',').append(value);
            }
            text.append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text);
    }

    /**
     * A folder of {@code count} RGB PNGs of {@code size}×{@code size} in sub-folders {@code classNames[label]}:
     * the bright quadrant red-tinted, so the images are in colour.
     */
    static Path imageFolder(Path root, int count, int size, long seed, String... classNames) throws IOException {
        for (int i = 0; i < count; i++) {
            int[] grey = image(size, i, seed);
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int v = grey[y * size + x];
                    image.setRGB(x, y, v << 16 | (v * 3 / 4) << 8 | v / 2);
                }
            }
            Path file = root.resolve(classNames[i % 3]).resolve(String.format("%04d.png", i));
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        }
        return root;
    }

    /** {@code prefix}-images-idx3-ubyte.gz and {@code prefix}-labels-idx1-ubyte.gz of 8×8 grey images. */
    static void idxPair(Path folder, String prefix, int count, long seed) throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream imageData = new DataOutputStream(images);
        imageData.writeInt(0x0803);
        imageData.writeInt(count);
        imageData.writeInt(8);
        imageData.writeInt(8);
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream labelData = new DataOutputStream(labels);
        labelData.writeInt(0x0801);
        labelData.writeInt(count);
        for (int i = 0; i < count; i++) {
            for (int value : image(8, i, seed)) {
                imageData.writeByte(value);
            }
            labelData.writeByte(i % 3);
        }
        Files.createDirectories(folder);
        gzip(folder.resolve(prefix + "-images-idx3-ubyte.gz"), images.toByteArray());
        gzip(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), labels.toByteArray());
    }

    private static void gzip(Path file, byte[] contents) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(contents);
        }
    }
}
