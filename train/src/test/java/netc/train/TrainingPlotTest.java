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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.junit.jupiter.api.io.TempDir;

class TrainingPlotTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path directory;

    @Test
    void drawsAPngOfTheCurves() throws Exception {
        Path png = directory.resolve("training.png");
        TrainingPlot.write(List.of(
                new EpochMetrics(1, 2.30, 0.10, 0.10, 1000, 1, 0.1),
                new EpochMetrics(2, 1.10, 0.55, 0.60, 1000, 1, 0.1),
                new EpochMetrics(3, 0.60, 0.77, 0.75, 1000, 1, 0.1)), png, "LeNet on Fashion-MNIST");

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

    /**
     * One epoch is one point per curve, which a line cannot draw: the markers must. The legend (top right)
     * has coloured samples of the lines even in a blank plot, so coloured pixels are counted left of it.
     */
    @Test
    void aOneEpochRunIsDrawnAsMarkers() throws Exception {
        Path png = directory.resolve("one.png");
        TrainingPlot.write(List.of(new EpochMetrics(1, 0.9, 0.6, 0.7, 1000, 1, 0.1)), png, "Net on flowers.csv");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(colouredPixels(image, image.getWidth() * 3 / 4) >= 30,
                colouredPixels(image, image.getWidth() * 3 / 4) + " coloured pixels left of the legend");
        // The same point without markers shows how a blank plot counts: nothing.
        XYChart blank = TrainingPlot.chart(List.of(new EpochMetrics(1, 0.9, 0.6, 0.7, 1000, 1, 0.1)), "blank");
        blank.getSeriesMap().values().forEach(series -> series.setMarker(SeriesMarkers.NONE));
        BufferedImage blankImage = BitmapEncoder.getBufferedImage(blank);
        assertEquals(0, colouredPixels(blankImage, blankImage.getWidth() * 3 / 4));
    }

    /** Pixels of a clear hue (not black, white or grey) left of column {@code right}. */
    private static int colouredPixels(BufferedImage image, int right) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < right; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                count += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
            }
        }
        return count;
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
