package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * Unfolds a chunk of images into the {@code [inChannels·k², images·positions]} matrix that turns a
 * convolution into one GEMM (kernel {@code im2col.cl}, which documents the layout).
 */
final class Im2col {
    private final Kernel kernel;
    private final long[] globalSize;

    Im2col(Device device, ConvGeometry geometry, int images) {
        this.kernel = device.kernel("im2col.cl", "im2col", geometry.unfoldDefines(images));
        this.globalSize = new long[] {WorkSizes.roundUp((long) images * geometry.outHeight()), geometry.patchSize()};
    }

    void run(Buffer col, long colOffset, Buffer input, long inputOffset) {
        kernel.launch(globalSize, null, col, colOffset, input, inputOffset);
    }
}
