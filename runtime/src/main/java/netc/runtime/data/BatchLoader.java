package netc.runtime.data;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * Feeds a model mini-batches of a dataset: shuffled per epoch from a seed (or in order), the last
 * partial batch included. Pixels go to the device as bytes and are scaled to [0, 1] and resized
 * (bilinear) to the network's input there; the next batch is gathered on a background thread while
 * the device computes the current one.
 */
public final class BatchLoader implements AutoCloseable {
    /**
     * @param channels, height, width the network's declared input; a dataset it cannot take (e.g. 3
     *        channels for grey images) is refused here with a clear message
     */
    public BatchLoader(Device device, Dataset data, int batchSize, int channels, int height, int width,
                       boolean shuffle, long seed) {
        throw new UnsupportedOperationException("BatchLoader: pending (issue #4)");
    }

    public int batchesPerEpoch() {
        throw new UnsupportedOperationException();
    }

    /** Starts epoch {@code epoch} (0-based): its order is a function of (seed, epoch) alone. */
    public void startEpoch(int epoch) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes the next batch into {@code input} {@code (batchSize, C, H, W)}, zeroing rows past the
     * batch's end, and its labels (ints) into {@code labels}; returns how many rows are real, 0 when
     * the epoch is over.
     */
    public int next(Tensor input, Buffer labels) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
