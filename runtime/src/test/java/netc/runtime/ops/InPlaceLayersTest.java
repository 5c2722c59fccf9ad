package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated code runs a dropout over a ReLU dense layer's output in place, and then hands the dense
 * layer's backward the dropout's output where it read its own (the processor's {@code InPlace}): a ReLU's
 * derivative reads only signs, which the dropout keeps where it keeps a value, and where it drops one the
 * gradient is 0; its backward writes the dense layer's output gradient over its own. Both ways must give the
 * same gradients to the bit, as the same float operations run.
 */
class InPlaceLayersTest {
    @TestDevice private static Device device;

    @ParameterizedTest
    @CsvSource({"1, 7, 5, 0.5", "3, 37, 19, 0.5", "16, 64, 33, 0.3"})
    void aDropoutWrittenOverAReluDenseOutputLeavesEveryGradientAsBefore(int batch, int in, int out, float p) {
        Random random = new Random(batch * 1000 + out);
        float[] x = TestArrays.uniform(random, (long) batch * in, 1.0);
        float[] dDropped = TestArrays.uniform(random, (long) batch * out, 1.0);
        long key = random.nextLong();
        try (Dense dense = new Dense(device, "fc", batch, in, out, Activation.RELU);
             Dropout dropout = new Dropout(device, batch, out, p);
             Tensor input = new Tensor(device, batch, in);
             Tensor denseOutput = new Tensor(device, batch, out);
             Tensor dropped = new Tensor(device, batch, out);
             Tensor dDroppedTensor = new Tensor(device, batch, out);
             Tensor dDense = new Tensor(device, batch, out);
             Tensor dInput = new Tensor(device, batch, in)) {
            dense.parameters().get(0).value().upload(TestArrays.uniform(random, (long) out * in, 0.5));
            dense.parameters().get(1).value().upload(TestArrays.uniform(random, out, 0.5));
            input.upload(x);
            dDroppedTensor.upload(dDropped);

            dense.forward(denseOutput, input);
            dropout.forward(dropped, denseOutput, Mode.TRAIN, key);
            dropout.backward(dDense, dDroppedTensor);
            dense.backward(dInput, dDense, input, denseOutput);
            float[] reluOutput = denseOutput.download();
            float[] separateOutput = dropped.download();
            float[] separateInputGradient = dInput.download();
            float[] separateWeightGradient = dense.parameters().get(0).grad().download();
            float[] separateBiasGradient = dense.parameters().get(1).grad().download();

            dense.forward(denseOutput, input);
            dropout.forward(denseOutput, denseOutput, Mode.TRAIN, key);
            dropout.backward(dDroppedTensor, dDroppedTensor); // the gradient too, as the generated code does
            dense.backward(dInput, dDroppedTensor, input, denseOutput);

            assertArrayEquals(separateOutput, denseOutput.download(), "the output, written over the input");
            assertArrayEquals(separateInputGradient, dInput.download(), "the input gradient");
            assertArrayEquals(separateWeightGradient, dense.parameters().get(0).grad().download(), "the weight gradient");
            assertArrayEquals(separateBiasGradient, dense.parameters().get(1).grad().download(), "the bias gradient");
            int positiveDropped = 0;
            int positiveKept = 0;
            for (int i = 0; i < reluOutput.length; i++) {
                positiveDropped += reluOutput[i] > 0f && separateOutput[i] == 0f ? 1 : 0;
                positiveKept += reluOutput[i] > 0f && separateOutput[i] != 0f ? 1 : 0;
            }
            assertTrue(positiveDropped > 0 && positiveKept > 0,
                    "both cases met: a positive value dropped (its slope read as 0) and one kept");
        }
    }
}
