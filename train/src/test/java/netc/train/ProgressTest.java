package netc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aLineShowsBarBatchesSpeedLossAndEta() {
        // 50 of 200 batches, 12,800 images in 2 s: 6400 img/s, and 150 batches more at 25/s take 6 s.
        String line = ProgressLine.format(2, 10, 50, 200, 12_800, 0.52349, 2_000_000_000L);
        assertEquals("epoch 2/10 [######..................] 50/200 batches, 6400 img/s, loss 0.523, ETA 0:06", line);
    }

    @Test
    void barsAndDurationsAtTheirEdges() {
        assertEquals("[" + ".".repeat(24) + "]", ProgressLine.bar(0, 7));
        assertEquals("[" + "#".repeat(24) + "]", ProgressLine.bar(7, 7));
        assertEquals("0:00", ProgressLine.duration(0.2));
        assertEquals("1:05", ProgressLine.duration(65));
        assertEquals("2:03:04", ProgressLine.duration(2 * 3600 + 3 * 60 + 4));
        assertTrue(ProgressLine.format(1, 1, 0, 5, 0, Double.NaN, 0).endsWith("ETA ?"));
    }

    @Test
    void aLogGetsAPlainLineAtEveryTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                clock::get);
        reporter.startEpoch(1, 3, 100);
        for (int batch = 1; batch <= 100; batch++) {
            clock.addAndGet(1_000_000_000L); // 1 s a batch: ten seconds a tenth
            reporter.update(batch, batch * 64L, 1.0);
        }
        reporter.finishEpoch();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "no carriage returns in a log");
        assertEquals(10, text.lines().count(), text);
        assertTrue(text.lines().reduce((a, b) -> b).orElseThrow().contains("100/100 batches"), text);
    }

    @Test
    void aQuickEpochLeavesTheLogAlone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false,
                clock::get);
        reporter.startEpoch(1, 1, 100);
        for (int batch = 1; batch <= 100; batch++) {
            clock.addAndGet(50_000_000L); // 5 s in all: under the 10 s between plain lines
            reporter.update(batch, batch * 64L, 1.0);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTerminalGetsOneLineRedrawnAtMostTenTimesASecondThenCleared() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong clock = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8), true,
                clock::get);
        reporter.startEpoch(1, 1, 1000);
        for (int batch = 1; batch <= 1000; batch++) {
            clock.addAndGet(1_000_000L); // 1 ms a batch: one second in all
            reporter.update(batch, batch * 8L, 0.5);
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(drawn.contains("\n"), "a redrawn bar never starts a new line");
        long redraws = drawn.chars().filter(c -> c == '\r').count();
        // The first batch, every 100 ms after it, and the last batch.
        assertTrue(redraws >= 10 && redraws <= 12, redraws + " redraws");
        reporter.finishEpoch();
        String all = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(all.endsWith("\r"), "the bar is wiped before the epoch summary");
    }
}
