package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The first backward step of a dense layer whose products run on GEMMs: {@code dz = dOut · act'(out)} in
 * place of {@code dOut} and the bias gradient (the sum of {@code dz} over the batch) in one launch
 * (kernel {@code bias_activation_gradient.cl}), for the {@code (N, out)} rows a dense layer keeps; the
 * general {@link ActivationGradient} and {@link BiasGradient} serve convolutions' channel layouts.
 */
final class BiasActivationGradient {
    /** Outputs per work-item: one AVX-512 vector; 4096 outputs still give 256 work-items to share. */
    private static final int WIDTH = 16;

    private final Kernel kernel;
    private final long items;

    BiasActivationGradient(Device device, Activation activation, int batch, int out) {
        WorkItems.requireIntIndexable("bias and activation gradient", (long) batch * out);
        this.kernel = device.kernel("bias_activation_gradient.cl", "bias_activation_gradient",
                ActivationDefine.set(Defines.of().set("BATCH", batch).set("OUT", out).set("VW", WIDTH)
                        .set("WRITE_DZ", activation != Activation.NONE), activation));
        this.items = (out + WIDTH - 1) / WIDTH;
    }

    /** Enqueues {@code dOut = dz} (in place) and {@code dBias = sum over the batch of dz}; {@code out} the forward output. */
    void run(Buffer dBias, Buffer dOut, Buffer out) {
        kernel.launch1d(items, dBias, dOut, out);
    }
}
