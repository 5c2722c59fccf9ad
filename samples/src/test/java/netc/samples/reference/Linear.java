package netc.samples.reference;

import java.util.Arrays;
import java.util.List;
import netc.Activation;
import netc.runtime.reference.DenseReference;

/**
 * PyTorch's {@code nn.Linear(in, out)}: {@code y = x·Wᵀ + b} with {@code W} as {@code [out, in]}, computed
 * by {@link DenseReference}. The parameters stay float32, as a file stores them, and are widened to
 * double for each pass.
 */
final class Linear implements Module {
    private final int inFeatures;
    private final int outFeatures;
    private final ReferenceParameter weight;
    private final ReferenceParameter bias;
    private Batch input;

    Linear(int inFeatures, int outFeatures) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = ReferenceParameter.zeros("weight", outFeatures, inFeatures);
        this.bias = ReferenceParameter.zeros("bias", outFeatures);
    }

    @Override
    public List<ReferenceParameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public Batch forward(Batch input) {
        if (input.shape().length != 2 || input.shape()[1] != inFeatures) {
            throw new IllegalArgumentException("Linear(" + inFeatures + ", ...) got shape "
                    + Arrays.toString(input.shape()));
        }
        this.input = input;
        int batch = input.batchSize();
        double[] output = new double[batch * outFeatures];
        DenseReference.forward(output, input.values(), weight.valueAsDoubles(), bias.valueAsDoubles(), batch,
                inFeatures, outFeatures, Activation.NONE);
        return new Batch(output, new int[] {batch, outFeatures});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        double[] inputGradient = new double[input.values().length];
        DenseReference.backward(inputGradient, weight.grad(), bias.grad(), outputGradient.values(), input.values(),
                weight.valueAsDoubles(), null, input.batchSize(), inFeatures, outFeatures, Activation.NONE);
        return new Batch(inputGradient, input.shape());
    }
}
