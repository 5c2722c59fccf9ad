package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The adjoint of {@link Im2col}: folds a column-matrix gradient back onto a chunk of input images,
 * overwriting them (kernel {@code col2im.cl}, which documents both variants).
 */
final class Col2im {
    /**
     * The most unrolled adds per kernel row ({@code kernel · inWidth}) for the per-row kernel. Measured
     * with PoCL on the 2-core Zen 4 development machine: AlexNet's conv2 (5x5 on 26-wide rows, 130)
     * went from 52 to 10 ms per batch with the per-row kernel, while an 11x11 on 224-wide rows (2464)
     * ran slower per row, unrolled or not, so wide rows keep the per-element kernel.
     */
    static final int ROW_KERNEL_LIMIT = 512;

    private final Kernel kernel;
    private final long globalSize;

    Col2im(Device device, ConvGeometry geometry, int images) {
        boolean byRow = geometry.kernel() * geometry.inWidth() <= ROW_KERNEL_LIMIT;
        this.kernel = device.kernel("col2im.cl", byRow ? "col2im_rows" : "col2im_elements", geometry.unfoldDefines(images));
        long workItems = byRow
                ? (long) images * geometry.inChannels() * geometry.inHeight()
                : images * geometry.inputFloatsPerImage();
        this.globalSize = WorkSizes.roundUp(workItems);
    }

    void run(Buffer dInput, long dInputOffset, Buffer col, long colOffset) {
        kernel.launch1d(globalSize, dInput, dInputOffset, col, colOffset);
    }
}
