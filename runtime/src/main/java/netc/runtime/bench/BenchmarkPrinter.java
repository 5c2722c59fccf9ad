package netc.runtime.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints a {@link BenchmarkReport} as a short summary and a per-layer table. */
public final class BenchmarkPrinter {
    private BenchmarkPrinter() {}

    public static void print(BenchmarkReport report, PrintStream out) {
        out.printf(Locale.ROOT, "%s, batch %d, on %s (mean of %d steps)%n", report.network(), report.batchSize(),
                report.device(), report.timedSteps());
        out.printf(Locale.ROOT, "  training step: %10.1f images/s%n", report.trainImagesPerSecond());
        out.printf(Locale.ROOT, "  forward only:  %10.1f images/s%n", report.forwardImagesPerSecond());
        double total = report.layers().stream().mapToDouble(LayerTiming::totalMillis).sum();
        int nameWidth = Math.max(8, report.layers().stream().mapToInt(t -> t.layer().length()).max().orElse(0));
        String row = "  %-" + nameWidth + "s %12s %12s %8s%n";
        out.printf(Locale.ROOT, row, "layer", "forward ms", "backward ms", "share");
        for (LayerTiming timing : report.layers()) {
            out.printf(Locale.ROOT, row, timing.layer(), String.format(Locale.ROOT, "%.3f", timing.forwardMillis()),
                    String.format(Locale.ROOT, "%.3f", timing.backwardMillis()),
                    String.format(Locale.ROOT, "%.1f%%", total > 0 ? 100 * timing.totalMillis() / total : 0));
        }
        double forward = report.layers().stream().mapToDouble(LayerTiming::forwardMillis).sum();
        out.printf(Locale.ROOT, row, "total", String.format(Locale.ROOT, "%.3f", forward),
                String.format(Locale.ROOT, "%.3f", total - forward), "100.0%");
    }
}
