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
 * partial batch included, optionally augmented (training only). Images go to the device as stored
 * (bytes, or floats for float datasets and augmented images) and are converted there to the network's
 * input: scaled to [0, 1], channels converted, resized (bilinear) and normalised ({@link InputConverter});
 * the next batch is gathered on a background thread while the device computes the current one.
 *
 * <p>Two host batches alternate: while batch k is uploaded from one, batch k+1 is gathered into the
 * other, and as soon as k's (blocking) upload returns, k+2 is queued into k's slot.
 */
public final class BatchLoader implements AutoCloseable {
    private final ImageDataset data;
    private final int batchSize;
    private final NetworkInput input;
    private final boolean shuffle;
    private final long seed;
    private final Augmentation augmentation;
    private final InputConverter converter;
    private final ExecutorService gatherer;
    private final HostBatch[] slots = new HostBatch[2];
    @SuppressWarnings("unchecked")
    private final Future<HostBatch>[] pending = new Future[2];
    private int[] order;
    private int epoch;
    private int nextBatch;

    /** Without normalisation or augmentation: e.g. for evaluation in [0, 1]. */
    public BatchLoader(Device device, ImageDataset data, int batchSize, int channels, int height, int width,
                       boolean shuffle, long seed) {
        this(device, data, batchSize, new NetworkInput(channels, height, width), shuffle, seed, Augmentation.NONE);
    }

    /**
     * @param input the network's declared input and normalisation; a dataset that cannot feed it is
     *        refused here with a clear message
     * @param augmentation applied to every image, from (seed, epoch, image index); {@link Augmentation#NONE} for evaluation
     */
    public BatchLoader(Device device, ImageDataset data, int batchSize, NetworkInput input, boolean shuffle, long seed,
                       Augmentation augmentation) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        input.requireFeedableBy(data, "The network");
        if (data.size() < 1) {
            throw new IllegalArgumentException(data.name() + " holds no images; a dataset needs at least one.");
        }
        this.data = data;
        this.batchSize = batchSize;
        this.input = input;
        this.shuffle = shuffle;
        this.seed = seed;
        this.augmentation = augmentation;
        boolean asBytes = uploadsBytes(data, augmentation);
        slots[0] = new HostBatch(batchSize, data.imageSize(), asBytes, !augmentation.isNone());
        slots[1] = new HostBatch(batchSize, data.imageSize(), asBytes, !augmentation.isNone());
        this.converter = new InputConverter(device, batchSize, data.channels(), data.height(), data.width(), asBytes,
                input);
        this.gatherer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "netc-batch-gatherer");
            thread.setDaemon(true); // never keeps the JVM alive if a caller forgets close()
            return thread;
        });
    }

    /**
     * The bytes one image takes on its way to the device (its share of the upload buffer): one per value
     * for datasets stored as bytes and not augmented, four (a float) otherwise.
     */
    public static int uploadBytesPerImage(ImageDataset data, Augmentation augmentation) {
        return data.imageSize() * (uploadsBytes(data, augmentation) ? 1 : Float.BYTES);
    }

    /** Augmented images are floats: jitter and noise would be lost to rounding back to bytes. */
    private static boolean uploadsBytes(ImageDataset data, Augmentation augmentation) {
        return data.storesBytes() && augmentation.isNone();
    }

    public int batchesPerEpoch() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** Starts epoch {@code epoch} (0-based): its order is a function of (seed, epoch) alone. */
    public void startEpoch(int epoch) {
        startEpoch(epoch, 0);
    }

    /**
     * Starts epoch {@code epoch} at its batch {@code firstBatch} (0-based), as if the batches before it had
     * been read: a data-parallel worker that lost its place (a retried task) resumes a round this way.
     */
    public void startEpoch(int epoch, int firstBatch) {
        if (firstBatch < 0) {
            throw new IllegalArgumentException("the first batch of an epoch is 0 or more, got " + firstBatch);
        }
        cancelPending();
        if (order == null || this.epoch != epoch) {
            order = EpochOrder.of(data.size(), shuffle, seed, epoch);
        }
        this.epoch = epoch;
        nextBatch = firstBatch;
        prefetch(firstBatch);
        prefetch(firstBatch + 1);
    }

    /** The batch the next {@link #next} call reads, 0-based within the epoch. */
    public int nextBatch() {
        return nextBatch;
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
        converter.convert(input, batch, rows);
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
        int rows = Math.min(batchSize, data.size() - first);
        int[] epochOrder = order;
        int epochNumber = epoch;
        HostBatch target = slots[slot];
        pending[slot] = gatherer.submit(() -> target.fill(data, epochOrder, first, rows, augmentation, seed, epochNumber));
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
        int[] expected = {batchSize, this.input.channels(), this.input.height(), this.input.width()};
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
