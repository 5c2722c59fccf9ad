package netc.runtime.ops;

import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * Global average pooling, PyTorch's {@code AdaptiveAvgPool2d(1)}: input {@code (N, C, H, W)}, output
 * {@code (N, C)} (the same memory as PyTorch's {@code (N, C, 1, 1)}), each value the mean of its
 * {@code H×W} plane; the backward pass writes {@code dInput = dOutput / (H·W)} over each plane.
 */
public final class GlobalAvgPool implements AutoCloseable {
    private final long planes;
    private final long spatial;
    private final Kernel forwardKernel;
    private final Kernel backwardKernel;

    public GlobalAvgPool(Device device, int batch, int channels, int height, int width) {
        if (batch < 1 || channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("GlobalAvgPool: batch, channels, height and width must be at least 1, got "
                    + batch + ", " + channels + ", " + height + ", " + width + ".");
        }
        this.planes = (long) batch * channels;
        this.spatial = (long) height * width;
        WorkItems.requireIntIndexable("GlobalAvgPool", planes * spatial);
        Defines defines = Defines.of().set("PLANES", planes).set("SPATIAL", spatial)
                .set("VEC", PlaneLanes.of((int) spatial));
        this.forwardKernel = device.kernel("global_avgpool.cl", "global_avgpool_forward", defines);
        this.backwardKernel = device.kernel("global_avgpool.cl", "global_avgpool_backward", defines);
    }

    public void forward(Tensor output, Tensor input) {
        WorkItems.requireCapacity(output, planes, "GlobalAvgPool.forward", "output");
        WorkItems.requireCapacity(input, planes * spatial, "GlobalAvgPool.forward", "input");
        forwardKernel.launch(WorkItems.covering(planes), null, output, input);
    }

    /** Writes (overwrites) {@code dInput} from {@code dOutput}. */
    public void backward(Tensor dInput, Tensor dOutput) {
        WorkItems.requireCapacity(dInput, planes * spatial, "GlobalAvgPool.backward", "dInput");
        WorkItems.requireCapacity(dOutput, planes, "GlobalAvgPool.backward", "dOutput");
        long vectors = planes * spatial / PlaneLanes.of((int) spatial);
        backwardKernel.launch(WorkItems.covering(vectors), null, dInput, dOutput);
    }

    @Override
    public void close() {
        // The kernels belong to the device's program cache; nothing of its own to free.
    }
}
