package netc.samples.reference;

import netc.runtime.reference.PoolReference;
import netc.runtime.reference.PoolShape;

/** PyTorch's {@code nn.AvgPool2d(kernel, stride)} without padding, each window's mean, computed by {@link PoolReference}. */
final class AvgPool2d implements Module {
    private final int kernel;
    private final int stride;
    private PoolShape shape;

    AvgPool2d(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Batch forward(Batch input) {
        shape = Pooling.shape(input, kernel, stride);
        return new Batch(PoolReference.avgForward(shape, input.values()), Pooling.outputShape(shape));
    }

    @Override
    public Batch backward(Batch outputGradient) {
        return new Batch(PoolReference.avgBackward(shape, outputGradient.values()), Pooling.inputShape(shape));
    }
}
