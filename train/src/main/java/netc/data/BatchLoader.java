package netc.data;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * Feeds a model mini-batches of a dataset: shuffled per epoch from a seed (or in order), the last
 * partial batch included. Pixels go to the device as bytes and are scaled to [0, 1] and resized
 * (bilinear) to the network's input there; the next batch is gathered on a background thread while
 * the device computes the current one.
 *
 * <p>Two host batches alternate: while batch k is uploaded from one, batch k+1 is gathered into the
 * other, and as soon as k's (blocking) upload returns, k+2 is queued into k's slot.
 */
public final class BatchLoader implements AutoCloseable {
    private final Dataset data;
    private final int batchSize;
    private final int channels;
    private final int height;
    private final int width;
    private final boolean shuffle;
    private final long seed;
    private final InputConverter converter;
    private final ExecutorService gatherer;
    private final HostBatch[] slots = new HostBatch[2];
    @SuppressWarnings("unchecked")
    private final Future<HostBatch>[] pending = new Future[2];
    private int[] order;
    private int nextBatch;

    /**
     * @param channels, height, width the network's declared input; a dataset it cannot take (e.g. 3
     *        channels for grey images) is refused here with a clear message
     */
    public BatchLoader(Device device, Dataset data, int batchSize, int channels, int height, int width,
                       boolean shuffle, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (channels != 1) {
            throw new IllegalArgumentException("The network's input has " + channels + " channels but "
                    + data.name() + " has 1-channel (grey) images; declare the network's input with 1 channel.");
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("the network's input must be at least 1×1, got " + height + "×" + width);
        }
        this.data = data;
        this.batchSize = batchSize;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.shuffle = shuffle;
        this.seed = seed;
        int imageBytes = data.rows() * data.cols();
        slots[0] = new HostBatch(batchSize, imageBytes);
        slots[1] = new HostBatch(batchSize, imageBytes);
        this.converter = new InputConverter(device, batchSize, data.rows(), data.cols(), height, width);
        this.gatherer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "netc-batch-gatherer");
            thread.setDaemon(true); // never keeps the JVM alive if a caller forgets close()
            return thread;
        });
    }

    public int batchesPerEpoch() {
        return (data.count() + batchSize - 1) / batchSize;
    }

    /** Starts epoch {@code epoch} (0-based): its order is a function of (seed, epoch) alone. */
    public void startEpoch(int epoch) {
        cancelPending();
        order = EpochOrder.of(data.count(), shuffle, seed, epoch);
        nextBatch = 0;
        prefetch(0);
        prefetch(1);
    }

    /**
     * Writes the next batch into {@code input} {@code (batchSize, C, H, W)}, zeroing rows past the
     * batch's end, and its labels (ints) into {@code labels}; returns how many rows are real, 0 when
     * the epoch is over.
     */
    public int next(Tensor input, Buffer labels) {
        if (order == null) {
            throw new IllegalStateException("BatchLoader.next was called before startEpoch");
        }
        checkDestinations(input, labels);
        if (nextBatch >= batchesPerEpoch()) {
            return 0;
        }
        int slot = nextBatch % 2;
        HostBatch batch = await(pending[slot]);
        int rows = batch.rows;
        converter.convert(input, batch.pixels, rows);
        labels.write(batch.labels, 0, 0, batchSize);
        // Both uploads were blocking, so the slot is free for the batch after next.
        prefetch(nextBatch + 2);
        nextBatch++;
        return rows;
    }

    private void prefetch(int batch) {
        int slot = batch % 2;
        pending[slot] = null;
        if (batch >= batchesPerEpoch()) {
            return;
        }
        int first = batch * batchSize;
        int rows = Math.min(batchSize, data.count() - first);
        int[] epochOrder = order;
        HostBatch target = slots[slot];
        pending[slot] = gatherer.submit(() -> target.fill(data, epochOrder, first, rows));
    }

    /**
     * Cancels the gathers still queued. One already running may finish after this, but the single
     * gatherer thread runs tasks in submission order, so it is done before any later gather touches
     * its slot, and nobody waits for its result.
     */
    private void cancelPending() {
        for (int slot = 0; slot < 2; slot++) {
            if (pending[slot] != null) {
                pending[slot].cancel(false);
                pending[slot] = null;
            }
        }
    }

    private static HostBatch await(Future<HostBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("gathering a batch failed: " + e.getCause(), e.getCause());
        }
    }

    private void checkDestinations(Tensor input, Buffer labels) {
        int[] expected = {batchSize, channels, height, width};
        if (!Arrays.equals(input.shape(), expected)) {
            throw new IllegalArgumentException("BatchLoader writes batches of " + Arrays.toString(expected)
                    + " but was given an input tensor of " + Arrays.toString(input.shape()) + ".");
        }
        if (labels.elements() < batchSize) {
            throw new IllegalArgumentException("BatchLoader writes " + batchSize + " labels but the label buffer"
                    + " holds only " + labels.elements() + ".");
        }
    }

    @Override
    public void close() {
        cancelPending();
        gatherer.shutdownNow();
        converter.close();
    }
}
