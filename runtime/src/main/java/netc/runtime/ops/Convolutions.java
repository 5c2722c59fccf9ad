package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.model.DeviceMemory;

/**
 * Picks how a convolution layer is computed from its shapes alone, so the choice is known when the
 * model is compiled: {@link WinogradConv2d} for 3x3 stride-1 layers wide enough for its fewer
 * multiplies to outweigh its transforms, {@link Conv2d} (im2col + GEMM) otherwise.
 */
public final class Convolutions {
    /**
     * Channels (in and out) from which Winograd is chosen. Its products are α² = 36 GEMMs of
     * {@code [Co x C] · [C x tiles]}: with few channels they are too small to run near the GEMM's peak
     * and the transforms (a fixed cost per channel and tile) dominate. Measured with ConvTiming on PoCL
     * (shared 2-core Zen 4, batch 16, 28x28, training step): 32 channels 7.7 ms against 22.8 for
     * im2col + GEMM, 16 channels 2.9 against 3.3 (a tie within the noise, the forward alone slower).
     */
    static final int WINOGRAD_MIN_CHANNELS = 32;

    private Convolutions() {}

    /** The convolution for these shapes, with {@link Conv2d}'s constructor arguments. */
    public static Convolution create(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                                     int outChannels, int kernel, int stride, int padding, Activation activation) {
        return usesWinograd(inChannels, outChannels, kernel, stride)
                ? new WinogradConv2d(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                        padding, activation)
                : new Conv2d(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding,
                        activation);
    }

    /** The device memory the convolution {@link #create} picks allocates (nothing is allocated). */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                            int kernel, int stride, int padding) {
        return usesWinograd(inChannels, outChannels, kernel, stride)
                ? WinogradConv2d.deviceMemory(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding)
                : Conv2d.deviceMemory(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
    }

    /** Whether {@link #create} picks {@link WinogradConv2d} for these shapes. */
    public static boolean usesWinograd(int inChannels, int outChannels, int kernel, int stride) {
        return (kernel == 3 || kernel == 5) && stride == 1 && inChannels >= WINOGRAD_MIN_CHANNELS
                && outChannels >= WINOGRAD_MIN_CHANNELS;
    }
}
