package netc.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import netc.runtime.io.FileProblem;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws d2l's training figure (train loss, train acc and test acc against the epoch) to a PNG, titled by
 * the caller ({@code "LeNet on Fashion-MNIST"}). Every epoch is a marker as well as a point of the line:
 * a line needs two epochs, and a one-epoch run would otherwise draw nothing.
 */
public final class TrainingPlot {
    /** Past this many epochs the markers would crowd the lines; the lines alone show the curve. */
    static final int MOST_EPOCHS_WITH_MARKERS = 40;

    private TrainingPlot() {}

    public static void write(List<EpochMetrics> epochs, Path png, String title) {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a training plot needs at least one epoch");
        }
        // Rendering needs no display: without this a machine with no X server fails inside AWT.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = chart(epochs, title);
        try (OutputStream stream = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the training plot " + png + ": " + FileProblem.reason(e), e);
        }
    }

    static XYChart chart(List<EpochMetrics> epochs, String title) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle("epoch").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        // One epoch alone would give the axis no width; half an epoch either side centres its markers.
        double first = epochs.get(0).epoch();
        double last = epochs.get(epochs.size() - 1).epoch();
        if (first == last) {
            chart.getStyler().setXAxisMin(first - 0.5);
            chart.getStyler().setXAxisMax(last + 0.5);
        }
        boolean markers = epochs.size() <= MOST_EPOCHS_WITH_MARKERS;
        double[] x = column(epochs, EpochMetrics::epoch);
        add(chart, "train loss", x, column(epochs, EpochMetrics::loss), markers);
        add(chart, "train acc", x, column(epochs, EpochMetrics::trainAccuracy), markers);
        add(chart, "test acc", x, column(epochs, EpochMetrics::testAccuracy), markers);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] x, double[] y, boolean markers) {
        chart.addSeries(name, x, y).setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    private static double[] column(List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> value) {
        return epochs.stream().mapToDouble(value).toArray();
    }
}
