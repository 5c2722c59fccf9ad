package netc.runtime.ops;

import netc.Activation;

/**
 * Plain-Java convolution and dense layers in double precision, written straight from PyTorch's
 * definitions (no im2col, no GEMM): the oracle the device ops are checked against. A dense layer is
 * the 1×1 convolution of a 1×1 image with {@code in} channels, so it reuses the convolution.
 */
final class ReferenceLayers {
    private ReferenceLayers() {}

    static double activate(Activation activation, double z) {
        return switch (activation) {
            case NONE -> z;
            case RELU -> Math.max(z, 0.0);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case TANH -> Math.tanh(z);
        };
    }

    /** The activation's derivative at the pre-activation whose output is {@code y}. */
    static double slope(Activation activation, double y) {
        return switch (activation) {
            case NONE -> 1.0;
            case RELU -> y > 0 ? 1.0 : 0.0;
            case SIGMOID -> y * (1.0 - y);
            case TANH -> 1.0 - y * y;
        };
    }

    /** {@code output[n][co][oy][ox] = act(bias[co] + Σ weight[co][c][ky][kx] · input[n][c][oy·s − p + ky][ox·s − p + kx])}. */
    static void convForward(double[] output, double[] input, double[] weight, double[] bias,
                            ConvGeometry g, Activation activation) {
        int k = g.kernel();
        for (int n = 0; n < g.batch(); n++) {
            for (int co = 0; co < g.outChannels(); co++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        double sum = bias[co];
                        for (int c = 0; c < g.inChannels(); c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int y = oy * g.stride() - g.padding() + ky;
                                    int x = ox * g.stride() - g.padding() + kx;
                                    if (y >= 0 && y < g.inHeight() && x >= 0 && x < g.inWidth()) {
                                        sum += weight[((co * g.inChannels() + c) * k + ky) * k + kx]
                                                * input[((n * g.inChannels() + c) * g.inHeight() + y) * g.inWidth() + x];
                                    }
                                }
                            }
                        }
                        output[((n * g.outChannels() + co) * g.outHeight() + oy) * g.outWidth() + ox] = activate(activation, sum);
                    }
                }
            }
        }
    }

    /**
     * Overwrites {@code dWeight}, {@code dBias} and (unless null) {@code dInput} with the gradients of a
     * loss whose gradient with respect to the forward {@code output} is {@code dOutput}.
     */
    static void convBackward(double[] dInput, double[] dWeight, double[] dBias, double[] dOutput,
                             double[] input, double[] weight, double[] output, ConvGeometry g, Activation activation) {
        int k = g.kernel();
        java.util.Arrays.fill(dWeight, 0);
        java.util.Arrays.fill(dBias, 0);
        if (dInput != null) {
            java.util.Arrays.fill(dInput, 0);
        }
        for (int n = 0; n < g.batch(); n++) {
            for (int co = 0; co < g.outChannels(); co++) {
                for (int oy = 0; oy < g.outHeight(); oy++) {
                    for (int ox = 0; ox < g.outWidth(); ox++) {
                        int o = ((n * g.outChannels() + co) * g.outHeight() + oy) * g.outWidth() + ox;
                        double dz = dOutput[o] * slope(activation, output[o]);
                        dBias[co] += dz;
                        for (int c = 0; c < g.inChannels(); c++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int y = oy * g.stride() - g.padding() + ky;
                                    int x = ox * g.stride() - g.padding() + kx;
                                    if (y >= 0 && y < g.inHeight() && x >= 0 && x < g.inWidth()) {
                                        int w = ((co * g.inChannels() + c) * k + ky) * k + kx;
                                        int i = ((n * g.inChannels() + c) * g.inHeight() + y) * g.inWidth() + x;
                                        dWeight[w] += dz * input[i];
                                        if (dInput != null) {
                                            dInput[i] += dz * weight[w];
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The geometry under which a dense layer {@code (batch, in) → (batch, out)} is a convolution. */
    static ConvGeometry denseAsConv(int batch, int in, int out) {
        return new ConvGeometry(batch, in, 1, 1, out, 1, 1, 0);
    }

    static void denseForward(double[] output, double[] input, double[] weight, double[] bias,
                             int batch, int in, int out, Activation activation) {
        convForward(output, input, weight, bias, denseAsConv(batch, in, out), activation);
    }

    static void denseBackward(double[] dInput, double[] dWeight, double[] dBias, double[] dOutput,
                              double[] input, double[] weight, double[] output, int batch, int in, int out,
                              Activation activation) {
        convBackward(dInput, dWeight, dBias, dOutput, input, weight, output, denseAsConv(batch, in, out), activation);
    }
}
