package netc.runtime.model;

/**
 * What one layer's op allocates of its own at a batch size: its parameters (without their gradients, which
 * come with the first backward pass), what it keeps between calls and, as scratch, what it uses inside one
 * call. The processor writes it beside the op it constructs, calling that op's own {@code deviceMemory}
 * with the constructor's shapes ({@code batch -> DirectConv2d.deviceMemory(batch, 6, 14, 14, 16, 5, 0)}), so
 * that {@link MemoryEstimate} adds up what the ops say instead of deciding again which op a layer compiled to.
 */
@FunctionalInterface
public interface OpMemory {
    /** A layer whose op owns no device memory (an activation, a dropout, a join) or that has no op (a flatten). */
    OpMemory NONE = batch -> DeviceMemory.NONE;

    /** The op's buffers for {@code batch} examples; nothing is allocated. */
    DeviceMemory at(int batch);
}
