package netc.runtime.reference;

import java.util.Arrays;
import java.util.stream.IntStream;
import netc.Activation;

/**
 * A convolution with a fused activation, straight from its definition:
 * {@code output[n][co][oy][ox] = act(bias[co] + Σ_{c,ky,kx} weight[co][c][ky][kx] · input[n][c][oy·s − p + ky][ox·s − p + kx])},
 * taps outside the input counting as zero. Each output's sum runs over {@code (c, ky, kx)} in that
 * order. A tap updates a whole output row at once, and planes run in parallel, each on one thread, so
 * results do not depend on the thread count.
 */
public final class ConvReference {
    private ConvReference() {}

    /** Writes {@code output} (size {@link ConvShape#outputSize()}). */
    public static void forward(double[] output, double[] input, double[] weight, double[] bias, ConvShape s,
                               Activation activation) {
        int positions = s.outHeight() * s.outWidth();
        IntStream.range(0, s.batch() * s.outChannels()).parallel().forEach(plane -> {
            int n = plane / s.outChannels();
            int co = plane % s.outChannels();
            int outBase = plane * positions;
            Arrays.fill(output, outBase, outBase + positions, bias[co]);
            forEachTap(s, n, co, (w, inRow, outRow, oxFirst, oxEnd) -> {
                double value = weight[w];
                int out = outBase + outRow;
                if (s.stride() == 1) { // contiguous: a loop HotSpot vectorises
                    for (int ox = oxFirst; ox < oxEnd; ox++) {
                        output[out + ox] += value * input[inRow + ox];
                    }
                } else {
                    for (int ox = oxFirst; ox < oxEnd; ox++) {
                        output[out + ox] += value * input[inRow + ox * s.stride()];
                    }
                }
            });
            for (int i = outBase; i < outBase + positions; i++) {
                output[i] = Activations.activate(activation, output[i]);
            }
        });
    }

    /**
     * Adds the gradients of a loss whose gradient with respect to the forward {@code output} is
     * {@code dOutput} into {@code dWeight}, {@code dBias} and, unless null, {@code dInput}. {@code output}
     * is the forward output, read for the activation's slope (null will do with {@link Activation#NONE}).
     */
    public static void backward(double[] dInput, double[] dWeight, double[] dBias, double[] dOutput,
                                double[] input, double[] weight, double[] output, ConvShape s, Activation activation) {
        double[] dz = Activations.preActivationGradient(activation, dOutput, output);
        int positions = s.outHeight() * s.outWidth();
        IntStream.range(0, s.outChannels()).parallel().forEach(co -> {
            for (int n = 0; n < s.batch(); n++) {
                int outBase = (n * s.outChannels() + co) * positions;
                for (int p = 0; p < positions; p++) {
                    dBias[co] += dz[outBase + p];
                }
                forEachTap(s, n, co, (w, inRow, outRow, oxFirst, oxEnd) -> {
                    double sum = 0;
                    for (int ox = oxFirst; ox < oxEnd; ox++) {
                        sum += dz[outBase + outRow + ox] * input[inRow + ox * s.stride()];
                    }
                    dWeight[w] += sum;
                });
            }
        });
        if (dInput == null) {
            return;
        }
        // One task per input plane (n, c): each writes only its own plane.
        IntStream.range(0, s.batch() * s.inChannels()).parallel().forEach(plane -> {
            int n = plane / s.inChannels();
            int c = plane % s.inChannels();
            for (int co = 0; co < s.outChannels(); co++) {
                int outBase = (n * s.outChannels() + co) * positions;
                forEachTapOfChannel(s, n, co, c, (w, inRow, outRow, oxFirst, oxEnd) -> {
                    double value = weight[w];
                    int out = outBase + outRow;
                    if (s.stride() == 1) {
                        for (int ox = oxFirst; ox < oxEnd; ox++) {
                            dInput[inRow + ox] += value * dz[out + ox];
                        }
                    } else {
                        for (int ox = oxFirst; ox < oxEnd; ox++) {
                            dInput[inRow + ox * s.stride()] += value * dz[out + ox];
                        }
                    }
                });
            }
        });
    }

    /**
     * One tap {@code (c, ky, kx)} on one output row: weight index {@code w}, the input index of output
     * column 0 ({@code inRow}, may be before the row's start), the output row's offset in its plane, and
     * the output columns {@code [oxFirst, oxEnd)} whose taps fall inside the input.
     */
    private interface TapRow {
        void visit(int w, int inRow, int outRow, int oxFirst, int oxEnd);
    }

    /** Visits the taps of output channel {@code co} for image {@code n}, in (c, ky, kx, oy) order. */
    private static void forEachTap(ConvShape s, int n, int co, TapRow row) {
        for (int c = 0; c < s.inChannels(); c++) {
            forEachTapOfChannel(s, n, co, c, row);
        }
    }

    private static void forEachTapOfChannel(ConvShape s, int n, int co, int c, TapRow row) {
        int k = s.kernel();
        int inBase = (n * s.inChannels() + c) * s.inHeight() * s.inWidth();
        for (int ky = 0; ky < k; ky++) {
            int oyFirst = s.firstInside(ky - s.padding());
            int oyEnd = s.endInside(ky - s.padding(), s.inHeight(), s.outHeight());
            for (int kx = 0; kx < k; kx++) {
                int w = ((co * s.inChannels() + c) * k + ky) * k + kx;
                int oxFirst = s.firstInside(kx - s.padding());
                int oxEnd = s.endInside(kx - s.padding(), s.inWidth(), s.outWidth());
                for (int oy = oyFirst; oy < oyEnd; oy++) {
                    int y = oy * s.stride() - s.padding() + ky;
                    row.visit(w, inBase + y * s.inWidth() - s.padding() + kx, oy * s.outWidth(), oxFirst, oxEnd);
                }
            }
        }
    }
}
