package netc.runtime.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * The base of every generated model: a network compiled for one device and one batch size, with all
 * its parameters, activations and gradients allocated on the device when it is built.
 *
 * <p>The generated subclass holds the straight-line {@link #forward} and {@link #backward}. A batch
 * smaller than {@link #batchSize()} is run by zero-filling the unused rows of {@link #input()} and
 * counting only the used rows in the loss: their gradients are then exactly zero, so results equal
 * those of the smaller batch.
 */
public abstract class CompiledModel implements AutoCloseable {
    private final Device device;
    private final NetworkInfo info;
    private final int batchSize;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final List<HostCounter> counters = new ArrayList<>();
    private long seed;
    private long step;
    private int activeRows;
    private LayerProbe probe = LayerProbe.NONE;

    protected CompiledModel(Device device, NetworkInfo info, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.device = device;
        this.info = info;
        this.batchSize = batchSize;
        this.activeRows = batchSize;
    }

    public final Device device() {
        return device;
    }

    public final NetworkInfo info() {
        return info;
    }

    public final int batchSize() {
        return batchSize;
    }

    /** The input batch {@code (N, C, H, W)}; the data loader writes here before {@link #forward}. */
    public abstract Tensor input();

    /** The last layer's output {@code (N, classes)}, valid after {@link #forward}. */
    public abstract Tensor logits();

    /** Runs every layer in order on {@link #input()}, leaving the result in {@link #logits()}. */
    public abstract void forward(Mode mode);

    /**
     * Back-propagates {@code dLogits} (the loss gradient with respect to {@link #logits()}, which it may
     * overwrite) through every layer in reverse order, overwriting every parameter's gradient. Needs
     * the activations of the {@link #forward} just run.
     */
    public abstract void backward(Tensor dLogits);

    /** Every trainable parameter, in layer order, weight before bias. */
    public abstract List<Parameter> parameters();

    /**
     * The rows of {@link #input()} that hold examples in the coming passes: the batch size, except for a
     * dataset's last, partial batch. Batch statistics (BatchNorm's) count only these rows, so a partial
     * batch gives what the smaller batch would; the unused rows are zero and their gradients are zero.
     */
    public final int activeRows() {
        return activeRows;
    }

    /** Sets {@link #activeRows()}, between 1 and the batch size; the data loader's row count for each batch. */
    public final void setActiveRows(int rows) {
        if (rows < 1 || rows > batchSize) {
            throw new IllegalArgumentException("active rows must be between 1 and the batch size " + batchSize
                    + ", got " + rows);
        }
        this.activeRows = rows;
    }

    /**
     * Every non-trainable state tensor on the device, in layer order: BatchNorm's {@code running_mean} and
     * {@code running_var} (the {@code buffers} of {@link NetworkInfo} without the {@code num_batches_tracked}
     * counters, which each BatchNorm keeps on the host: see {@link #counters()}). None for a network without
     * such layers.
     */
    public List<StateTensor> buffers() {
        return List.of();
    }

    /**
     * Every count kept on the host, in layer order: each BatchNorm's {@code num_batches_tracked}, the
     * {@code buffers} of {@link NetworkInfo} that {@link #buffers()} leaves out. The model collects them from
     * the {@link HostState} ops it {@linkplain #own owns}, so the generated code need not list them. None for a
     * network without such layers.
     */
    public final List<HostCounter> counters() {
        return List.copyOf(counters);
    }

    /** The shape table as text. */
    public String summary() {
        return info.summary();
    }

    /** Sets the dropout masks' random stream: a given (seed, step) always draws the same masks. */
    public final void setRandomState(long seed, long step) {
        this.seed = seed;
        this.step = step;
    }

    /** The counter-based RNG key of the dropout layer at {@code layerIndex} for the current step. */
    protected final long dropoutKey(int layerIndex) {
        long key = seed * 0x9E3779B97F4A7C15L + step;
        key = (key ^ (key >>> 31)) * 0xBF58476D1CE4E5B9L + layerIndex;
        return key ^ (key >>> 29);
    }

    /** Installs a probe told after each layer's work is enqueued (for per-layer timing). */
    public final void setProbe(LayerProbe probe) {
        this.probe = probe == null ? LayerProbe.NONE : probe;
    }

    /** Called by the generated passes after each layer: {@code after("conv1", false)}. */
    protected final void after(String layer, boolean backward) {
        probe.after(layer, backward);
    }

    /**
     * Registers a device resource to close with the model (in reverse order); returns it. An op that keeps
     * {@link HostState} adds its counters to {@link #counters()}, in the order the ops are owned (the
     * generated constructor builds them in layer order).
     */
    protected final <T extends AutoCloseable> T own(T resource) {
        owned.push(resource);
        if (resource instanceof HostState state) {
            counters.addAll(state.counters());
        }
        return resource;
    }

    /** Parameters (or state tensors) of several layers, flattened in order. */
    protected static <T> List<T> concat(List<List<T>> perLayer) {
        List<T> all = new ArrayList<>();
        perLayer.forEach(all::addAll);
        return List.copyOf(all);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new RuntimeException(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
