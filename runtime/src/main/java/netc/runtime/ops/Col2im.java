package netc.runtime.ops;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The adjoint of {@link Im2col}: folds a column-matrix gradient back onto a chunk of input images,
 * overwriting them (kernel {@code col2im.cl}).
 */
final class Col2im {
    private final Kernel kernel;
    private final long globalSize;

    Col2im(Device device, ConvGeometry geometry, int images) {
        this.kernel = device.kernel("col2im.cl", "col2im", geometry.unfoldDefines(images));
        this.globalSize = WorkSizes.roundUp(images * geometry.inputFloatsPerImage());
    }

    void run(Buffer dInput, long dInputOffset, Buffer col) {
        kernel.launch1d(globalSize, dInput, dInputOffset, col);
    }
}
