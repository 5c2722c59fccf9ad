package netc.runtime.ops;

import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * Stochastic gradient descent with momentum and weight decay, PyTorch's update rule (dampening 0,
 * no Nesterov): {@code g = grad + weightDecay·p; v = momentum·v + g; p −= lr·v} (with
 * {@code momentum = 0}, {@code p −= lr·g}). One velocity buffer per parameter, allocated here, zero
 * at the start (which equals PyTorch's first-step {@code v = g}).
 */
public final class Sgd implements AutoCloseable {
    public Sgd(Device device, List<Parameter> parameters, float learningRate, float momentum, float weightDecay) {
        throw new UnsupportedOperationException("Sgd: pending (issue #3)");
    }

    /** Enqueues one update of every parameter from its gradient. */
    public void step() {
        throw new UnsupportedOperationException();
    }

    /** The velocity of parameter {@code index} (for checkpoints). */
    public Tensor velocity(int index) {
        throw new UnsupportedOperationException();
    }

    public void setLearningRate(float learningRate) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
