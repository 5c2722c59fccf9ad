package netc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LayerTimerTest {
    @Test
    void eachLayerIsChargedTheTimeSinceThePreviousMarkAfterWaitingForTheDevice() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger waits = new AtomicInteger();
        LayerTimer timer = new LayerTimer(waits::incrementAndGet, clock::get);
        for (int step = 0; step < 2; step++) {
            timer.mark();
            clock.addAndGet(3_000_000);  // conv1 forward 3 ms
            timer.after("conv1", false);
            clock.addAndGet(1_000_000);  // fc forward 1 ms
            timer.after("fc", false);
            clock.addAndGet(2_000_000);  // fc backward 2 ms
            timer.after("fc", true);
            clock.addAndGet(6_000_000);  // conv1 backward 6 ms
            timer.after("conv1", true);
        }
        assertEquals(10, waits.get(), "one device wait per mark and per layer");
        assertEquals(List.of(new LayerTiming("conv1", 3.0, 6.0), new LayerTiming("fc", 1.0, 2.0)), timer.timings(2));
    }

    @Test
    void thePrinterShowsSpeedsAndEveryLayerWithItsShare() {
        BenchmarkReport report = new BenchmarkReport("AlexNet", "cpu", 64, 5, 100.5, 300.25, 46, 14,
                new BenchmarkReport.Memory(1_108_600_000L, 88_400_000L, 74_300_000L), List.of(new LayerTiming("conv1", 3.0, 6.0), new LayerTiming("fc", 0.5, 0.5)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchmarkPrinter.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("AlexNet, batch 64"), text);
        assertTrue(text.contains("100.5 images/s"), text);
        assertTrue(text.contains("300.2 images/s") || text.contains("300.3 images/s"), text);
        assertTrue(text.contains("46 per training step, 14 per forward pass"), text);
        assertTrue(text.contains("device memory: 1108.6 MB in buffers (outputs and gradients 88.4 MB in one planned"
                + " block, op scratch 74.3 MB shared)"), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("conv1") && l.contains("90.0%")), text);
        assertTrue(text.lines().anyMatch(l -> l.contains("total") && l.contains("3.500") && l.contains("6.500")), text);
    }
}
