package netc.samples.reference;

import java.util.Arrays;
import java.util.List;
import netc.Activation;
import netc.runtime.reference.ConvReference;
import netc.runtime.reference.ConvShape;

/** PyTorch's {@code nn.Conv2d(in, out, kernel, stride, padding)} (square kernel, zero padding), computed by {@link ConvReference}. */
final class Conv2d implements Module {
    private final int inChannels;
    private final int outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final ReferenceParameter weight;
    private final ReferenceParameter bias;
    private Batch input;
    private ConvShape shape;

    Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = ReferenceParameter.zeros("weight", outChannels, inChannels, kernel, kernel);
        this.bias = ReferenceParameter.zeros("bias", outChannels);
    }

    @Override
    public List<ReferenceParameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Batch forward(Batch input) {
        int[] inputShape = input.shape();
        if (inputShape.length != 4 || inputShape[1] != inChannels) {
            throw new IllegalArgumentException("Conv2d(" + inChannels + ", ...) got shape " + Arrays.toString(inputShape));
        }
        this.input = input;
        this.shape = new ConvShape(inputShape[0], inChannels, inputShape[2], inputShape[3], outChannels, kernel,
                stride, padding);
        double[] output = new double[shape.outputSize()];
        ConvReference.forward(output, input.values(), weight.valueAsDoubles(), bias.valueAsDoubles(), shape,
                Activation.NONE);
        return new Batch(output, new int[] {shape.batch(), outChannels, shape.outHeight(), shape.outWidth()});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        double[] inputGradient = new double[shape.inputSize()];
        ConvReference.backward(inputGradient, weight.grad(), bias.grad(), outputGradient.values(), input.values(),
                weight.valueAsDoubles(), null, shape, Activation.NONE);
        return new Batch(inputGradient, input.shape());
    }
}
