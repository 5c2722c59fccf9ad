package netc.runtime.ops;

import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Mode;

/**
 * Inverted dropout over {@code batch × features} values: in training each value is kept with
 * probability {@code 1 − p} and scaled by {@code 1 / (1 − p)}; in evaluation it is copied. The mask
 * comes from a counter-based RNG on the device keyed by {@code key} and the element index, so a step
 * is reproducible.
 *
 * <p>The mask is never stored: the backward pass replays it from the forward pass's key (no memory,
 * a few dozen integer operations per value), applying the same mask-and-scale to the gradient.
 */
public final class Dropout implements AutoCloseable {
    /** Values per work-item: four Philox blocks of four words, computed together as uint4 lanes. */
    private static final int GROUP = 16;

    private final long elements;
    private final Kernel maskAndScale;
    private boolean lastMasked;
    private long lastKey;

    public Dropout(Device device, int batch, int features, float p) {
        if (!(p >= 0f && p < 1f)) {
            throw new IllegalArgumentException("Dropout: p = " + p + " is not a probability in [0, 1); p is the"
                    + " chance of dropping a value, so pick one below 1.");
        }
        if (batch < 1 || features < 1) {
            throw new IllegalArgumentException("Dropout: batch and features must be at least 1, got " + batch
                    + " and " + features + ".");
        }
        this.elements = (long) batch * features;
        WorkItems.requireIntIndexable("Dropout", elements);
        this.maskAndScale = p == 0f ? null : device.kernel("dropout.cl", "dropout_apply", Defines.of()
                .set("ELEMENTS", elements)
                .set("DROP_BELOW", dropThreshold(p) + "u")
                .set("SCALE", 1.0f / (float) (1.0 - p)));
    }

    /** The 32-bit word below which a value is dropped: {@code P(word < t) = t / 2^32 ≈ p} within 2^-33. */
    static long dropThreshold(float p) {
        return Math.round(p * 0x1p32);
    }

    public void forward(Tensor output, Tensor input, Mode mode, long key) {
        WorkItems.requireCapacity(output, elements, "Dropout.forward", "output");
        WorkItems.requireCapacity(input, elements, "Dropout.forward", "input");
        lastMasked = mode.dropsOut() && maskAndScale != null;
        lastKey = key;
        apply(output, input);
    }

    /** Writes {@code dInput} = {@code dOutput} masked and scaled as in the last forward pass. */
    public void backward(Tensor dInput, Tensor dOutput) {
        WorkItems.requireCapacity(dInput, elements, "Dropout.backward", "dInput");
        WorkItems.requireCapacity(dOutput, elements, "Dropout.backward", "dOutput");
        apply(dInput, dOutput);
    }

    private void apply(Tensor to, Tensor from) {
        if (lastMasked) {
            maskAndScale.launch(WorkItems.covering((elements + GROUP - 1) / GROUP), null, to, from, lastKey);
        } else if (to.buffer() != from.buffer()) {
            to.buffer().copyFrom(from.buffer(), 0, 0, elements);
        }
    }

    @Override
    public void close() {
        // The kernel belongs to the device's program cache; the mask is replayed, not stored.
    }
}
