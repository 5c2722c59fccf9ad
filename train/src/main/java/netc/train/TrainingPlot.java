package netc.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netc.runtime.io.FileProblem;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws d2l's training figure (train loss, train acc and test acc against the epoch) to a PNG. */
public final class TrainingPlot {
    private TrainingPlot() {}

    public static void write(List<EpochMetrics> epochs, Path png, String title) {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a training plot needs at least one epoch");
        }
        // Rendering needs no display: without this a machine with no X server fails inside AWT.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        double[] x = epochs.stream().mapToDouble(EpochMetrics::epoch).toArray();
        chart.addSeries("train loss", x, epochs.stream().mapToDouble(EpochMetrics::loss).toArray())
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("train acc", x, epochs.stream().mapToDouble(EpochMetrics::trainAccuracy).toArray())
                .setMarker(SeriesMarkers.NONE);
        chart.addSeries("test acc", x, epochs.stream().mapToDouble(EpochMetrics::testAccuracy).toArray())
                .setMarker(SeriesMarkers.NONE);
        try (OutputStream stream = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the training plot " + png + ": " + FileProblem.reason(e), e);
        }
    }
}
