package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The forward epilogue of a conv or dense layer: {@code out[b][co][p] = act(src(b, co, p) + bias[co])},
 * reading the GEMM result in its own {@link ChannelLayout} (kernel {@code bias_activation.cl}).
 */
final class BiasActivation {
    private final Kernel kernel;
    private final long[] globalSize;

    BiasActivation(Device device, Activation activation, int images, int channels, int positions, ChannelLayout source) {
        this.kernel = device.kernel("bias_activation.cl", "bias_activation", ActivationDefine.set(
                source.defines("SRC").set("B", images).set("CO", channels).set("P", positions), activation));
        this.globalSize = new long[] {positions, (long) images * channels};
    }

    /** Enqueues the epilogue; {@code src} may be {@code out} itself when the layouts agree. */
    void run(Buffer out, long outOffset, Buffer src, long srcOffset, Buffer bias) {
        kernel.launch(globalSize, null, out, outOffset, src, srcOffset, bias);
    }
}
