package netc.runtime.model;

/**
 * Told when each layer's forward or backward work has been enqueued; {@code netc bench} uses one that
 * waits for the device and reads the clock, to time each layer. Models run without one by default.
 */
@FunctionalInterface
public interface LayerProbe {
    LayerProbe NONE = (layer, backward) -> {};

    void after(String layer, boolean backward);
}
