package netc.train;

import java.util.Locale;

/** Formats one progress snapshot of an epoch: a bar, batches done, speed, running loss and time left. */
public final class ProgressLine {
    static final int BAR_WIDTH = 24;

    private ProgressLine() {}

    /**
     * @param elapsedNanos training time of the epoch so far; speed and ETA assume the rest goes as fast
     */
    public static String format(int epoch, int epochs, int batchesDone, int totalBatches, long examplesDone,
                                double runningLoss, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double imagesPerSecond = seconds > 0 ? examplesDone / seconds : 0;
        String eta = batchesDone == 0 ? "?" : duration(seconds / batchesDone * (totalBatches - batchesDone));
        return String.format(Locale.ROOT, "epoch %d/%d %s %d/%d batches, %.0f img/s, loss %.3f, ETA %s",
                epoch, epochs, bar(batchesDone, totalBatches), batchesDone, totalBatches, imagesPerSecond,
                runningLoss, eta);
    }

    /** {@code [#####.......]}, filled in proportion to the work done. */
    static String bar(int done, int total) {
        int filled = total <= 0 ? BAR_WIDTH : (int) ((long) Math.min(done, total) * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /** {@code m:ss}, or {@code h:mm:ss} past an hour. */
    static String duration(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        long hours = total / 3600;
        long minutes = total / 60 % 60;
        long secs = total % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
