package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.stream.Stream;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A ReLU convolution's backward given no output (a max pool after it applied the ReLU's derivative) must
 * equal its backward given the output, when dOutput was multiplied by that derivative beforehand: the
 * same weight, bias and input gradients, bit for bit, since the same products are summed in the same
 * order once dz is formed (dz = dOut · (y > 0) is exact in float either way).
 */
class PreactivationGradientTest {
    @TestDevice private static Device device;

    /** One layer of each implementation, odd sizes, batch 2. */
    static Stream<Arguments> convolutions() {
        return Stream.of(
                Arguments.of("im2col", (Builder) () -> new Conv2d(device, "c", 2, 3, 9, 7, 5, 3, 2, 1, Activation.RELU),
                        new ConvGeometry(2, 3, 9, 7, 5, 3, 2, 1)),
                Arguments.of("Winograd", (Builder) () -> new WinogradConv2d(device, "c", 2, 32, 7, 9, 33, 3, 1, 1,
                        Activation.RELU), new ConvGeometry(2, 32, 7, 9, 33, 3, 1, 1)),
                Arguments.of("direct", (Builder) () -> new DirectConv2d(device, "c", 2, 3, 9, 7, 6, 5, 1, 2,
                        Activation.RELU), new ConvGeometry(2, 3, 9, 7, 6, 5, 1, 2)),
                // rows 13 wide, 5 channels: DirectConv2d's row kernels
                Arguments.of("direct rows", (Builder) () -> new DirectConv2d(device, "c", 2, 2, 12, 13, 5, 3, 1, 1,
                        Activation.RELU), new ConvGeometry(2, 2, 12, 13, 5, 3, 1, 1)),
                Arguments.of("strided", (Builder) () -> new StridedConv2d(device, "c", 2, 2, 23, 21, 20, 7, 2, 1,
                        Activation.RELU), new ConvGeometry(2, 2, 23, 21, 20, 7, 2, 1)));
    }

    interface Builder {
        Convolution build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convolutions")
    void aNullOutputMeansTheGradientIsAlreadyThroughTheRelu(String name, Builder builder, ConvGeometry g)
            throws Exception {
        Random random = new Random(name.hashCode());
        try (Convolution first = builder.build(); Convolution second = builder.build()) {
            float[] input = uniform(random, g.batch() * g.inChannels() * g.inHeight() * g.inWidth());
            float[] dOutput = uniform(random, (int) (g.batch() * g.outputFloatsPerImage()));
            for (int p = 0; p < 2; p++) {
                float[] values = uniform(random, (int) first.parameters().get(p).value().size());
                first.parameters().get(p).value().upload(values);
                second.parameters().get(p).value().upload(values);
            }
            try (Tensor in = tensor(input); Tensor out = tensor(new float[dOutput.length]);
                    Tensor dOut = tensor(dOutput); Tensor dIn = tensor(new float[input.length]);
                    Tensor out2 = tensor(new float[dOutput.length]); Tensor dIn2 = tensor(new float[input.length])) {
                first.forward(out, in);
                first.backward(dIn, dOut, in, out);
                second.forward(out2, in);
                float[] y = out2.download();
                float[] throughRelu = new float[dOutput.length];
                for (int i = 0; i < y.length; i++) {
                    throughRelu[i] = y[i] > 0 ? dOutput[i] : 0f;
                }
                try (Tensor dz = tensor(throughRelu)) {
                    second.backward(dIn2, dz, in, null);
                }
                assertArrayEquals(dIn.download(), dIn2.download(), name + " dInput");
                for (int p = 0; p < 2; p++) {
                    Parameter a = first.parameters().get(p);
                    assertArrayEquals(a.grad().download(), second.parameters().get(p).grad().download(),
                            name + " " + a.name());
                }
            }
        }
    }

    private static Tensor tensor(float[] values) {
        Tensor tensor = new Tensor(device, values.length);
        tensor.upload(values);
        return tensor;
    }

    private static float[] uniform(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
