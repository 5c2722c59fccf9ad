package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * A standalone activation, PyTorch's {@code ReLU}, {@code Sigmoid} or {@code Tanh} module, for where
 * the nonlinearity is not fused into a conv or dense layer (after a batch norm or a residual sum):
 * forward {@code output = f(input)} over {@code batch × features} values; backward
 * {@code dInput = dOutput · f'} with the slope taken from the forward OUTPUT ({@code relu' = out > 0},
 * {@code sigmoid' = out·(1 − out)}, {@code tanh' = 1 − out²}), so the pre-activation need not be kept.
 */
public final class ActivationLayer implements AutoCloseable {
    private final Activation activation;
    private final long elements;
    private final Kernel forwardKernel;
    private final Kernel backwardKernel;

    public ActivationLayer(Device device, Activation activation, int batch, int features) {
        if (activation == null || activation == Activation.NONE) {
            throw new IllegalArgumentException("ActivationLayer: activation " + activation + " is not a nonlinearity;"
                    + " use RELU, SIGMOID or TANH, or leave the layer out.");
        }
        if (batch < 1 || features < 1) {
            throw new IllegalArgumentException("ActivationLayer: batch and features must be at least 1, got " + batch
                    + " and " + features + ".");
        }
        this.activation = activation;
        this.elements = (long) batch * features;
        WorkItems.requireIntIndexable("ActivationLayer", elements);
        // Only the activation is baked in: one build per kind serves every layer size.
        Defines defines = Defines.of().set("ACTIVATION", ActivationDefine.of(activation));
        this.forwardKernel = device.kernel("activation_layer.cl", "activation_forward", defines);
        this.backwardKernel = device.kernel("activation_layer.cl", "activation_backward", defines);
    }

    public Activation activation() {
        return activation;
    }

    /** {@code output} may be {@code input}. */
    public void forward(Tensor output, Tensor input) {
        WorkItems.requireCapacity(output, elements, "ActivationLayer.forward", "output");
        WorkItems.requireCapacity(input, elements, "ActivationLayer.forward", "input");
        forwardKernel.launch(ElementwiseGroups.covering(elements), null, output, input, (int) elements);
    }

    /** Writes (overwrites) {@code dInput}, which may be {@code dOutput}; {@code output} is the forward output. */
    public void backward(Tensor dInput, Tensor dOutput, Tensor output) {
        WorkItems.requireCapacity(dInput, elements, "ActivationLayer.backward", "dInput");
        WorkItems.requireCapacity(dOutput, elements, "ActivationLayer.backward", "dOutput");
        WorkItems.requireCapacity(output, elements, "ActivationLayer.backward", "output");
        backwardKernel.launch(ElementwiseGroups.covering(elements), null, dInput, dOutput, output, (int) elements);
    }

    @Override
    public void close() {
        // The kernels belong to the device's program cache; nothing of its own to free.
    }
}
