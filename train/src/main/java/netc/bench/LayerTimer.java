package netc.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import netc.runtime.model.LayerProbe;

/**
 * A probe that charges each layer the wall time since the previous mark. It waits for the device at
 * every mark (through {@code finish}), since enqueueing alone takes no time and the work would
 * otherwise be charged to whichever later layer happened to wait.
 */
final class LayerTimer implements LayerProbe {
    private final Runnable finish;
    private final LongSupplier clock;
    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private long last;

    LayerTimer(Runnable finish, LongSupplier clock) {
        this.finish = finish;
        this.clock = clock;
    }

    /** Starts a timed region: what ran before is not charged to the next layer. */
    void mark() {
        finish.run();
        last = clock.getAsLong();
    }

    @Override
    public void after(String layer, boolean backward) {
        finish.run();
        long now = clock.getAsLong();
        nanos.computeIfAbsent(layer, name -> new long[2])[backward ? 1 : 0] += now - last;
        last = now;
    }

    /** Mean milliseconds per step over {@code steps} steps, in the order layers were first seen. */
    List<LayerTiming> timings(int steps) {
        return nanos.entrySet().stream()
                .map(entry -> new LayerTiming(entry.getKey(), entry.getValue()[0] / 1e6 / steps,
                        entry.getValue()[1] / 1e6 / steps))
                .toList();
    }
}
