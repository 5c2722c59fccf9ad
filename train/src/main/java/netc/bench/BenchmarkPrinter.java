package netc.bench;

import java.io.PrintStream;
import java.util.Formatter;
import java.util.Locale;

/** Renders a {@link BenchmarkReport} as a short summary and a per-layer table. */
public final class BenchmarkPrinter {
    private BenchmarkPrinter() {}

    public static void print(BenchmarkReport report, PrintStream out) {
        out.print(format(report));
        out.flush();
    }

    public static String format(BenchmarkReport report) {
        Formatter text = new Formatter(new StringBuilder(), Locale.ROOT);
        text.format("%s, batch %d, on %s (mean of %d steps)%n", report.network(), report.batchSize(),
                report.device(), report.timedSteps());
        text.format("  training step: %10.1f images/s%n", report.trainImagesPerSecond());
        text.format("  forward only:  %10.1f images/s%n", report.forwardImagesPerSecond());
        text.format("  kernel launches: %d per training step, %d per forward pass%n", report.trainLaunches(),
                report.forwardLaunches());
        BenchmarkReport.Memory memory = report.memory();
        text.format("  device memory: %.1f MB in buffers (outputs and gradients %.1f MB in one planned block, op"
                + " scratch %.1f MB shared)%n", memory.buffers() / 1e6, memory.planned() / 1e6, memory.scratch() / 1e6);
        double total = report.layers().stream().mapToDouble(LayerTiming::totalMillis).sum();
        double forward = report.layers().stream().mapToDouble(LayerTiming::forwardMillis).sum();
        int nameWidth = Math.max(8, report.layers().stream().mapToInt(t -> t.layer().length()).max().orElse(0));
        String row = "  %-" + nameWidth + "s %12s %12s %8s%n";
        text.format(row, "layer", "forward ms", "backward ms", "share");
        for (LayerTiming timing : report.layers()) {
            text.format(row, timing.layer(), millis(timing.forwardMillis()), millis(timing.backwardMillis()),
                    String.format(Locale.ROOT, "%.1f%%", total > 0 ? 100 * timing.totalMillis() / total : 0));
        }
        text.format(row, "total", millis(forward), millis(total - forward), "100.0%");
        return text.toString();
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
