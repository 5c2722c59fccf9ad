package netc.train;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Shows how an epoch advances: on a terminal, one line redrawn in place with {@code \r} (at most
 * ten times a second, so printing never slows training); in a log (CI, a pipe), a plain line at every
 * tenth of the epoch at most every ten seconds, since carriage returns would pile up there as garbage.
 */
public final class ProgressReporter {
    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    private static final long PLAIN_LINE_MIN_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier clock;
    private int epoch;
    private int epochs;
    private int totalBatches;
    private long epochStart;
    private long lastDraw;
    private int lastTenth;
    private long lastPrinted;
    private int drawnWidth;

    public ProgressReporter(PrintStream out, boolean interactive, LongSupplier clock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
    }

    /** Redraws in place when the JVM has a terminal, else writes plain lines. */
    public static ProgressReporter forConsole(PrintStream out) {
        return new ProgressReporter(out, System.console() != null, System::nanoTime);
    }

    /** @param epoch 1-based */
    public void startEpoch(int epoch, int epochs, int totalBatches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.totalBatches = totalBatches;
        this.epochStart = clock.getAsLong();
        this.lastDraw = Long.MIN_VALUE;
        this.lastTenth = 0;
        this.lastPrinted = epochStart;
    }

    public void update(int batchesDone, long examplesDone, double runningLoss) {
        long now = clock.getAsLong();
        boolean last = batchesDone >= totalBatches;
        if (interactive) {
            if (last || lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_INTERVAL_NANOS) {
                redraw(line(batchesDone, examplesDone, runningLoss, now));
                lastDraw = now;
            }
        } else {
            int tenth = totalBatches <= 0 ? 10 : (int) ((long) batchesDone * 10 / totalBatches);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                // A quick epoch needs no progress lines: its summary line follows within seconds.
                if (now - lastPrinted >= PLAIN_LINE_MIN_INTERVAL_NANOS) {
                    out.println(line(batchesDone, examplesDone, runningLoss, now));
                    lastPrinted = now;
                }
            }
        }
    }

    /** Clears the redrawn line so that the epoch's summary starts on a clean line. */
    public void finishEpoch() {
        if (interactive && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            out.flush();
            drawnWidth = 0;
        }
    }

    private String line(int batchesDone, long examplesDone, double runningLoss, long now) {
        return ProgressLine.format(epoch, epochs, batchesDone, totalBatches, examplesDone, runningLoss,
                now - epochStart);
    }

    private void redraw(String line) {
        // Padding wipes the tail of a longer previous line.
        String padding = " ".repeat(Math.max(0, drawnWidth - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        drawnWidth = line.length();
    }
}
