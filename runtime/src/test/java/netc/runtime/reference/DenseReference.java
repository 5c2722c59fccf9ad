package netc.runtime.reference;

import java.util.stream.IntStream;
import netc.Activation;

/**
 * A fully connected layer with a fused activation, PyTorch's {@code Linear} followed by the activation:
 * {@code output[n][o] = act(bias[o] + Σ_i input[n][i] · weight[o][i])}, the weight {@code [out, in]}.
 * Output features run in parallel, each on one thread, so results do not depend on the thread count.
 */
public final class DenseReference {
    private DenseReference() {}

    /** Writes {@code output} {@code (batch, out)}. */
    public static void forward(double[] output, double[] input, double[] weight, double[] bias, int batch, int in,
                               int out, Activation activation) {
        IntStream.range(0, out).parallel().forEach(o -> {
            for (int n = 0; n < batch; n++) {
                double sum = bias[o];
                for (int i = 0; i < in; i++) {
                    sum += input[n * in + i] * weight[o * in + i];
                }
                output[n * out + o] = Activations.activate(activation, sum);
            }
        });
    }

    /**
     * Adds the gradients of a loss whose gradient with respect to the forward {@code output} is
     * {@code dOutput} into {@code dWeight}, {@code dBias} and, unless null, {@code dInput}. {@code output}
     * is the forward output, read for the activation's slope (null will do with {@link Activation#NONE}).
     */
    public static void backward(double[] dInput, double[] dWeight, double[] dBias, double[] dOutput,
                                double[] input, double[] weight, double[] output, int batch, int in, int out,
                                Activation activation) {
        double[] dz = Activations.preActivationGradient(activation, dOutput, output);
        IntStream.range(0, out).parallel().forEach(o -> {
            for (int n = 0; n < batch; n++) {
                double g = dz[n * out + o];
                dBias[o] += g;
                for (int i = 0; i < in; i++) {
                    dWeight[o * in + i] += g * input[n * in + i];
                }
            }
        });
        if (dInput == null) {
            return;
        }
        IntStream.range(0, batch).parallel().forEach(n -> {
            for (int o = 0; o < out; o++) {
                double g = dz[n * out + o];
                for (int i = 0; i < in; i++) {
                    dInput[n * in + i] += g * weight[o * in + i];
                }
            }
        });
    }
}
