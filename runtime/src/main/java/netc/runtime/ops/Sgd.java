package netc.runtime.ops;

import java.util.List;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * Stochastic gradient descent with momentum and weight decay, PyTorch's update rule (dampening 0,
 * no Nesterov): {@code g = grad + weightDecay·p; v = momentum·v + g; p −= lr·v} (with
 * {@code momentum = 0}, {@code p −= lr·g}). One velocity buffer per parameter, allocated here, zero
 * at the start (which equals PyTorch's first-step {@code v = g}).
 *
 * <p>With {@code momentum = 0} the velocities are never read (as in PyTorch, which keeps no buffer);
 * they are then allocated only if {@link #velocity} asks for them, so plain SGD costs no memory.
 */
public final class Sgd implements AutoCloseable {
    /** float4 vectors per work-item; also the kernel's default. */
    private static final int VECTORS_PER_ITEM = 4;

    private final Device device;
    private final List<Parameter> parameters;
    private final Tensor[] velocities;
    private final float momentum;
    private final float weightDecay;
    private final Kernel update;
    private float learningRate;

    public Sgd(Device device, List<Parameter> parameters, float learningRate, float momentum, float weightDecay) {
        requireNonNegative("momentum", momentum);
        requireNonNegative("weight decay", weightDecay);
        setLearningRate(learningRate);
        this.device = device;
        this.parameters = List.copyOf(parameters);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.velocities = new Tensor[this.parameters.size()];
        for (Parameter parameter : this.parameters) {
            WorkItems.requireIntIndexable("Sgd (" + parameter.name() + ")", parameter.size());
        }
        if (momentum != 0f) {
            for (int i = 0; i < velocities.length; i++) {
                velocity(i);
            }
        }
        this.update = device.kernel("sgd.cl", momentum != 0f ? "sgd_momentum" : "sgd_plain",
                Defines.of().set("VECTORS_PER_ITEM", VECTORS_PER_ITEM));
    }

    private static void requireNonNegative(String what, float value) {
        if (!(value >= 0f) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("Sgd: " + what + " must be a finite number >= 0, got " + value + ".");
        }
    }

    /** Enqueues one update of every parameter from its gradient. */
    public void step() {
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            int count = (int) parameter.size();
            long items = ((count + 3L) / 4 + VECTORS_PER_ITEM - 1) / VECTORS_PER_ITEM;
            if (momentum != 0f) {
                update.launch(WorkItems.covering(items), null, parameter.value(), velocities[i], parameter.grad(),
                        learningRate, momentum, weightDecay, count);
            } else {
                update.launch(WorkItems.covering(items), null, parameter.value(), parameter.grad(),
                        learningRate, weightDecay, count);
            }
        }
    }

    /** The velocity of parameter {@code index} (for checkpoints). */
    public Tensor velocity(int index) {
        if (velocities[index] == null) {
            velocities[index] = new Tensor(device, parameters.get(index).shape());
        }
        return velocities[index];
    }

    public void setLearningRate(float learningRate) {
        requireNonNegative("learning rate", learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public void close() {
        for (Tensor velocity : velocities) {
            if (velocity != null) {
                velocity.close();
            }
        }
    }
}
