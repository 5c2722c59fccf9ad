package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The first backward step of a conv or dense layer: {@code dz = dOut · act'(out)} with the slope taken
 * from the forward output, written in the {@link ChannelLayout} the weight-gradient GEMM reads
 * (kernel {@code activation_gradient.cl}).
 */
final class ActivationGradient {
    private final Kernel kernel;
    private final long[] globalSize;

    ActivationGradient(Device device, Activation activation, int images, int channels, int positions, ChannelLayout target) {
        this.kernel = device.kernel("activation_gradient.cl", "activation_gradient", ActivationDefine.set(
                target.defines("DZ").set("B", images).set("CO", channels).set("P", positions), activation));
        this.globalSize = new long[] {positions, (long) images * channels};
    }

    /** Enqueues the product; {@code dz} may be {@code dOut} itself when the layouts agree. */
    void run(Buffer dz, long dzOffset, Buffer dOut, long dOutOffset, Buffer out, long outOffset) {
        kernel.launch(globalSize, null, dz, dzOffset, dOut, dOutOffset, out, outOffset);
    }
}
