package netc.samples.reference;

import netc.runtime.reference.PoolReference;
import netc.runtime.reference.PoolShape;

/**
 * PyTorch's {@code nn.MaxPool2d(kernel, stride)} without padding, computed by {@link PoolReference}: a
 * window's gradient goes to its first maximum in row-major order, as PyTorch's CPU kernel picks it; this
 * matters after ReLU, where whole windows are often 0.
 */
final class MaxPool2d implements Module {
    private final int kernel;
    private final int stride;
    private PoolShape shape;
    private int[] argmax;

    MaxPool2d(int kernel, int stride) {
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public Batch forward(Batch input) {
        shape = Pooling.shape(input, kernel, stride);
        PoolReference.MaxResult result = PoolReference.maxForward(shape, input.values());
        argmax = result.argmax();
        return new Batch(result.output(), Pooling.outputShape(shape));
    }

    @Override
    public Batch backward(Batch outputGradient) {
        return new Batch(PoolReference.maxBackward(shape, argmax, outputGradient.values()), Pooling.inputShape(shape));
    }
}
