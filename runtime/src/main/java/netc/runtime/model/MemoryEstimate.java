package netc.runtime.model;

import netc.runtime.cl.Scratch;
import netc.runtime.ops.Gemm;

/**
 * The device memory a network needs at a batch size, worked out from what its compiler recorded before
 * anything is allocated, so that a batch too large for the device is refused with a message rather than
 * ending in the driver.
 *
 * <p>{@link #model} mirrors what a generated model's constructor allocates: the input, the one block its
 * outputs and gradients are views of ({@link NetworkInfo#memory()}, planned by liveness), and each layer's
 * own buffers as its op states them ({@link LayerRow#opMemory()}: the processor wrote, beside each op it
 * constructs, that op's own {@code deviceMemory} with the same shapes, so the estimate never decides again
 * which op a layer compiled to). The ops' scratch shares one block, the largest op's. The parameters'
 * gradients are allocated by the first backward pass ({@link netc.runtime.model.Parameter}), so a model that
 * only predicts never holds them: {@link #trainingStep} adds them. The rest adds what runs beside the model.
 *
 * <p>Approximated: GEMM packing scratch is rounded up to 16-wide register blocks (exact on AVX-512
 * CPUs; see {@link Gemm#deviceMemory}); the driver's own overhead per buffer, the compiled kernels and
 * any alignment padding are not counted.
 */
public final class MemoryEstimate {
    private MemoryEstimate() {}

    /** What the generated model's constructor allocates for {@code batch}: all a model that only predicts takes. */
    public static DeviceMemory model(NetworkInfo info, int batch) {
        DeviceMemory memory = DeviceMemory.floats((long) batch * info.inputSize())
                .plus(DeviceMemory.floats((long) batch * info.memory().floatsPerExample()));
        for (LayerRow layer : info.layers()) {
            memory = memory.alongside(layer.opMemory().at(batch));
        }
        return memory.withScratchFloats(Scratch.blockFloats(memory.scratchFloats()));
    }

    /** A model that has run a backward pass: {@link #model} and a gradient beside every parameter. */
    public static DeviceMemory trainingStep(NetworkInfo info, int batch) {
        return model(info, batch).plus(parameterTensors(info));
    }

    /** The floats of the scratch block the model's ops share: what the op needing the most takes, and rounding. */
    public static long scratchFloats(NetworkInfo info, int batch) {
        return model(info, batch).scratchFloats();
    }

    /**
     * {@code netc train}: the model, SGD's velocities (one per parameter: allocated at the start with
     * momentum, and by the first checkpoint, which saves them, without), and the training and test
     * passes' buffers (see {@link #batchPipeline}); {@code imageBytes} is one dataset image's size as
     * loaded (28 × 28 for Fashion-MNIST).
     */
    public static DeviceMemory training(NetworkInfo info, int batch, int imageBytes) {
        return training(info, batch, imageBytes, 1);
    }

    /**
     * As {@link #training(NetworkInfo, int, int)} with an optimizer that keeps {@code optimizerStates}
     * tensors of each parameter's shape (SGD 1, Adam 2).
     */
    public static DeviceMemory training(NetworkInfo info, int batch, int imageBytes, int optimizerStates) {
        return trainingStep(info, batch).plus(parameterTensors(info).times(optimizerStates))
                .plus(batchPipeline(info, batch, imageBytes).times(2));
    }

    /** {@code netc eval}: the model and one pass over the test set. */
    public static DeviceMemory evaluation(NetworkInfo info, int batch, int imageBytes) {
        return model(info, batch).plus(batchPipeline(info, batch, imageBytes));
    }

    /** {@code netc bench}: the model and its gradients, labels, loss results and the logits' gradient (random data, plain SGD). */
    public static DeviceMemory benchmark(NetworkInfo info, int batch) {
        return trainingStep(info, batch).plus(lossBuffers(info, batch));
    }

    /** One pass over a dataset: the loss buffers and the staging buffer the images are uploaded to as bytes. */
    static DeviceMemory batchPipeline(NetworkInfo info, int batch, int imageBytes) {
        return lossBuffers(info, batch).plus(DeviceMemory.floats(((long) batch * imageBytes + 3) / 4));
    }

    /** The labels (one int per row), the loss's (loss, correct) pair per row, and the logits' gradient. */
    private static DeviceMemory lossBuffers(NetworkInfo info, int batch) {
        return DeviceMemory.floats(batch).plus(DeviceMemory.floats(2L * batch))
                .plus(DeviceMemory.floats((long) batch * info.outputs()));
    }

    /** One tensor per parameter, as its gradient and SGD's velocity are: each layer's weight and bias. */
    static DeviceMemory parameterTensors(NetworkInfo info) {
        DeviceMemory memory = DeviceMemory.NONE;
        for (LayerRow layer : info.layers()) {
            if (layer.parameters() > 0) {
                long biasFloats = layer.outputShape().get(0); // one per output channel or unit
                memory = memory.plus(DeviceMemory.floats(layer.parameters() - biasFloats))
                        .plus(DeviceMemory.floats(biasFloats));
            }
        }
        return memory;
    }
}
