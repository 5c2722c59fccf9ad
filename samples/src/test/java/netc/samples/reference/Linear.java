package netc.samples.reference;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * PyTorch's {@code nn.Linear(in, out)}: {@code y = x·Wᵀ + b} with {@code W} as {@code [out, in]}. The
 * weights stay float32 (AlexNet's first dense layer alone has 26 M); every sum is in double.
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
        double[] x = input.values();
        float[] w = weight.value();
        double[] output = new double[batch * outFeatures];
        IntStream.range(0, outFeatures).parallel().forEach(o -> {
            for (int n = 0; n < batch; n++) {
                double sum = bias.value()[o];
                for (int i = 0; i < inFeatures; i++) {
                    sum += x[n * inFeatures + i] * w[o * inFeatures + i];
                }
                output[n * outFeatures + o] = sum;
            }
        });
        return new Batch(output, new int[] {batch, outFeatures});
    }

    @Override
    public Batch backward(Batch outputGradient) {
        int batch = input.batchSize();
        double[] x = input.values();
        double[] dy = outputGradient.values();
        float[] w = weight.value();
        IntStream.range(0, outFeatures).parallel().forEach(o -> {
            for (int n = 0; n < batch; n++) {
                double g = dy[n * outFeatures + o];
                bias.grad()[o] += g;
                for (int i = 0; i < inFeatures; i++) {
                    weight.grad()[o * inFeatures + i] += g * x[n * inFeatures + i];
                }
            }
        });
        double[] inputGradient = new double[batch * inFeatures];
        IntStream.range(0, batch).forEach(n -> {
            for (int o = 0; o < outFeatures; o++) {
                double g = dy[n * outFeatures + o];
                for (int i = 0; i < inFeatures; i++) {
                    inputGradient[n * inFeatures + i] += g * w[o * inFeatures + i];
                }
            }
        });
        return new Batch(inputGradient, input.shape());
    }
}
