package netc.runtime.ops;

import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Mode;

/**
 * Inverted dropout over {@code batch × features} values: in training each value is kept with
 * probability {@code 1 − p} and scaled by {@code 1 / (1 − p)}; in evaluation it is copied. The mask
 * comes from a counter-based RNG on the device keyed by {@code key} and the element index, so a step
 * is reproducible.
 */
public final class Dropout implements AutoCloseable {
    public Dropout(Device device, int batch, int features, float p) {
        throw new UnsupportedOperationException("Dropout: pending (issue #3)");
    }

    public void forward(Tensor output, Tensor input, Mode mode, long key) {
        throw new UnsupportedOperationException();
    }

    /** Writes {@code dInput} = {@code dOutput} masked and scaled as in the last forward pass. */
    public void backward(Tensor dInput, Tensor dOutput) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
