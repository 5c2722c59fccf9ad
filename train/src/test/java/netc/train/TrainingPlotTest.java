package netc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingPlotTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path directory;

    @Test
    void drawsAPngOfTheCurves() throws Exception {
        Path png = directory.resolve("training.png");
        TrainingPlot.write(List.of(
                new EpochMetrics(1, 2.30, 0.10, 0.10, 1000, 1),
                new EpochMetrics(2, 1.10, 0.55, 0.60, 1000, 1),
                new EpochMetrics(3, 0.60, 0.77, 0.75, 1000, 1)), png, "LeNet on Fashion-MNIST");

        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 1000, bytes.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertEquals(640, image.getWidth());
        assertEquals(420, image.getHeight());
        // Background, plot area, grid, text and three differently coloured curves: a blank image has one or two.
        assertTrue(distinctColours(image) >= 5, distinctColours(image) + " colours");
    }

    @Test
    void noEpochsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> TrainingPlot.write(List.of(), directory.resolve("empty.png"), "x"));
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
