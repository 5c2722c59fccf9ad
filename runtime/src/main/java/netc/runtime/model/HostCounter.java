package netc.runtime.model;

/**
 * A count a layer keeps on the host between steps, one of PyTorch's buffers: a batch norm's
 * {@code bn1.num_batches_tracked}, an I64 scalar in a {@code state_dict}. Weight files and checkpoints
 * save and load it beside the device-resident {@link StateTensor}s.
 */
public final class HostCounter {
    private final String name;
    private long count;

    /** A counter named {@code name} (netc's name: the layer's path and PyTorch's suffix), starting at 0. */
    public HostCounter(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public long get() {
        return count;
    }

    /** Sets the count, as loading a file does; a count of steps is never negative. */
    public void set(long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " = " + value + " is negative; it counts training steps,"
                    + " so pass 0 or more.");
        }
        this.count = value;
    }

    /** Adds one, as each training forward pass of the owning layer does. */
    public void increment() {
        count++;
    }

    @Override
    public String toString() {
        return name + " = " + count;
    }
}
