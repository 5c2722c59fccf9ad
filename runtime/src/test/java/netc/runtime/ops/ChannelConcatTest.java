package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ChannelConcat copies, so forward and backward must equal torch.cat's indexing exactly, tails untouched. */
class ChannelConcatTest {
    private static final int SLACK = 17;

    @TestDevice private static Device device;

    record Case(int batch, int[] channels, int spatial) {
        int outChannels() {
            return Arrays.stream(channels).sum();
        }

        int inSize(int i) {
            return batch * channels[i] * spatial;
        }

        int outSize() {
            return batch * outChannels() * spatial;
        }

        @Override
        public String toString() {
            return "batch " + batch + ", channels " + Arrays.toString(channels) + ", spatial " + spatial;
        }
    }

    /** One to four inputs (Inception has four), batch 1 and > 1, runs shorter than, equal to and past 16 floats. */
    static Stream<Case> cases() {
        return Stream.of(
                new Case(2, new int[] {3}, 5),
                new Case(1, new int[] {2, 5}, 7),
                new Case(3, new int[] {1, 3, 2, 4}, 35),
                new Case(2, new int[] {4, 4}, 4),         // runs of exactly 16 floats
                new Case(3, new int[] {5, 7, 3}, 1),      // (N, F) features
                new Case(2, new int[] {16, 8, 8, 8}, 9)); // GoogLeNet-like branches on 3x3 maps
    }

    @ParameterizedTest
    @MethodSource("cases")
    void forwardIsTorchCatAndBackwardItsSlices(Case k) {
        Random random = new Random(k.toString().hashCode());
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < k.channels().length; i++) {
            inputs.add(TestArrays.uniform(random, k.inSize(i), 1.0));
        }
        float[] dOutput = TestArrays.uniform(random, k.outSize(), 1.0);
        List<Tensor> tensors = new ArrayList<>();
        List<Tensor> gradients = new ArrayList<>();
        try (ChannelConcat concat = new ChannelConcat(device, k.batch(), k.channels(), k.spatial());
                Tensor out = Workspaces.padded(device, new float[k.outSize()], SLACK);
                Tensor dOut = Workspaces.padded(device, dOutput, SLACK)) {
            assertEquals(k.outChannels(), concat.outChannels());
            for (int i = 0; i < k.channels().length; i++) {
                tensors.add(Workspaces.padded(device, inputs.get(i), SLACK));
                float[] stale = new float[k.inSize(i)];
                Arrays.fill(stale, 99f);
                gradients.add(Workspaces.padded(device, stale, SLACK));
            }
            concat.forward(out, tensors);
            concat.backward(gradients, dOut);
            float[] output = out.download();
            assertArrayEquals(cat(k, inputs), Arrays.copyOf(output, k.outSize()), k.toString());
            Workspaces.assertTailUntouched(output, k.outSize(), "output");
            List<float[]> slices = slices(k, dOutput);
            for (int i = 0; i < k.channels().length; i++) {
                float[] dx = gradients.get(i).download();
                assertArrayEquals(slices.get(i), Arrays.copyOf(dx, k.inSize(i)), "dInput " + i + " of " + k);
                Workspaces.assertTailUntouched(dx, k.inSize(i), "dInput " + i);
            }
        } finally {
            tensors.forEach(Tensor::close);
            gradients.forEach(Tensor::close);
        }
    }

    @Test
    void aNullInputGradientIsSkipped() {
        Case k = new Case(2, new int[] {2, 3}, 4);
        float[] dOutput = TestArrays.uniform(new Random(4), k.outSize(), 1.0);
        try (ChannelConcat concat = new ChannelConcat(device, 2, new int[] {2, 3}, 4);
                Tensor dOut = new Tensor(device, k.outSize());
                Tensor second = new Tensor(device, k.inSize(1))) {
            dOut.upload(dOutput);
            concat.backward(Arrays.asList(null, second), dOut);
            assertArrayEquals(slices(k, dOutput).get(1), second.download());
        }
    }

    @Test
    void rejectsAWrongNumberOfInputsAndSmallTensors() {
        try (ChannelConcat concat = new ChannelConcat(device, 1, new int[] {1, 2}, 3);
                Tensor out = new Tensor(device, 9);
                Tensor a = new Tensor(device, 3);
                Tensor small = new Tensor(device, 5)) {
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> concat.forward(out, List.of(a)));
            assertTrue(count.getMessage().contains("1 inputs") && count.getMessage().contains("2 inputs"),
                    count.getMessage());
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> concat.forward(out, List.of(a, small)));
            assertTrue(size.getMessage().contains("input 1"), size.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new ChannelConcat(device, 1, new int[] {2, 0}, 3));
        assertThrows(IllegalArgumentException.class, () -> new ChannelConcat(device, 1, new int[0], 3));
    }

    /** torch.cat(dim=1) by its definition: out[n][offset_i + c][s] = input_i[n][c][s]. */
    private static float[] cat(Case k, List<float[]> inputs) {
        float[] out = new float[k.outSize()];
        int offset = 0;
        for (int i = 0; i < k.channels().length; i++) {
            for (int n = 0; n < k.batch(); n++) {
                for (int c = 0; c < k.channels()[i]; c++) {
                    for (int s = 0; s < k.spatial(); s++) {
                        out[(n * k.outChannels() + offset + c) * k.spatial() + s] =
                                inputs.get(i)[(n * k.channels()[i] + c) * k.spatial() + s];
                    }
                }
            }
            offset += k.channels()[i];
        }
        return out;
    }

    private static List<float[]> slices(Case k, float[] dOutput) {
        List<float[]> slices = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < k.channels().length; i++) {
            float[] slice = new float[k.inSize(i)];
            for (int n = 0; n < k.batch(); n++) {
                for (int c = 0; c < k.channels()[i]; c++) {
                    for (int s = 0; s < k.spatial(); s++) {
                        slice[(n * k.channels()[i] + c) * k.spatial() + s] =
                                dOutput[(n * k.outChannels() + offset + c) * k.spatial() + s];
                    }
                }
            }
            slices.add(slice);
            offset += k.channels()[i];
        }
        return slices;
    }
}
