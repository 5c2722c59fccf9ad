package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The bias gradient of a conv or dense layer: {@code dBias[co]} = the sum of {@code dz} over images and
 * positions, one work-group per channel (kernel {@code bias_gradient.cl}).
 */
final class BiasGradient {
    /** Enough work-items to keep a GPU's lanes busy on one channel; more only deepens the tree. */
    private static final int PREFERRED_LOCAL_SIZE = 64;

    private final Kernel kernel;
    private final int localSize;
    private final int channels;

    BiasGradient(Device device, int images, int channels, int positions, ChannelLayout layout) {
        this.localSize = (int) Math.min(PREFERRED_LOCAL_SIZE, Long.highestOneBit(device.maxWorkGroupSize()));
        this.channels = channels;
        this.kernel = device.kernel("bias_gradient.cl", "bias_gradient", layout.defines("DZ")
                .set("B", images).set("CO", channels).set("P", positions).set("LOCAL_SIZE", localSize));
    }

    /** Enqueues {@code dBias = sum} or, with {@code accumulate}, {@code dBias += sum}. */
    void run(Buffer dBias, Buffer dz, long dzOffset, boolean accumulate) {
        kernel.launch(new long[] {(long) channels * localSize}, new long[] {localSize},
                dBias, dz, dzOffset, accumulate ? 1 : 0);
    }
}
