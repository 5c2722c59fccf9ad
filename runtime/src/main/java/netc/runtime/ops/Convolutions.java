package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.model.DeviceMemory;

/**
 * Picks how a convolution layer is computed from its shapes alone, so the choice is known when the
 * model is compiled: {@link WinogradConv2d} for 3x3 stride-1 layers wide enough for its fewer
 * multiplies to outweigh its transforms, {@link StridedConv2d} for strided layers with few input channels
 * and large kernels ({@link StridedConv2d#suits}), {@link Conv2d} (im2col + GEMM) otherwise.
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
    /**
     * Output rows and columns from which Winograd is chosen: one whole 4x4 output tile. Below, most of each
     * tile's multiplies are wasted and the batch's few tiles leave its products too narrow: ResNet-18's last
     * stage (512 → 512 channels, 3x3 output, batch 16) took 56.0 ms per training step against 20.7 for
     * im2col + GEMM, while at 6x6 (256 channels) Winograd still won, 14.0 against 17.2 (ConvTiming on
     * PoCL, Zen 4, 2026-12-03; docs/PERFORMANCE.md).
     */
    static final int WINOGRAD_MIN_OUTPUT = 4;

    private Convolutions() {}

    /** The convolution for these shapes, with {@link Conv2d}'s constructor arguments. */
    public static Convolution create(Device device, String name, int batch, int inChannels, int inHeight, int inWidth,
                                     int outChannels, int kernel, int stride, int padding, Activation activation) {
        if (StridedConv2d.suits(inChannels, kernel, stride, padding)) {
            return new StridedConv2d(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                    padding, activation);
        }
        return usesWinograd(new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding))
                ? new WinogradConv2d(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                        padding, activation)
                : new Conv2d(device, name, batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding,
                        activation);
    }

    /** The device memory the convolution {@link #create} picks allocates (nothing is allocated). */
    public static DeviceMemory deviceMemory(int batch, int inChannels, int inHeight, int inWidth, int outChannels,
                                            int kernel, int stride, int padding) {
        if (StridedConv2d.suits(inChannels, kernel, stride, padding)) {
            return StridedConv2d.deviceMemory(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride,
                    padding);
        }
        return usesWinograd(new ConvGeometry(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding))
                ? WinogradConv2d.deviceMemory(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding)
                : Conv2d.deviceMemory(batch, inChannels, inHeight, inWidth, outChannels, kernel, stride, padding);
    }

    /** Whether {@link #create} picks {@link WinogradConv2d} for these shapes (output height and width). */
    public static boolean usesWinograd(int inChannels, int outChannels, int kernel, int stride, int outHeight,
                                       int outWidth) {
        return (kernel == 3 || kernel == 5) && stride == 1 && inChannels >= WINOGRAD_MIN_CHANNELS
                && outChannels >= WINOGRAD_MIN_CHANNELS && outHeight >= WINOGRAD_MIN_OUTPUT
                && outWidth >= WINOGRAD_MIN_OUTPUT;
    }

    private static boolean usesWinograd(ConvGeometry g) {
        return usesWinograd(g.inChannels(), g.outChannels(), g.kernel(), g.stride(), g.outHeight(), g.outWidth());
    }
}
