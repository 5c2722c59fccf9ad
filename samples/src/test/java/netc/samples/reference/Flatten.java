package netc.samples.reference;

/** PyTorch's {@code nn.Flatten()}: {@code [N, C, H, W]} to {@code [N, C·H·W]}, values untouched. */
final class Flatten implements Module {
    private int[] inputShape;

    @Override
    public Batch forward(Batch input) {
        inputShape = input.shape();
        return new Batch(input.values(), new int[] {input.batchSize(), input.exampleSize()});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        return new Batch(outputGradient.values(), inputShape);
    }
}
