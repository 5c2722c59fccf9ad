package netc.runtime.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netc.runtime.cl.Scratch;
import netc.runtime.ops.BatchNorm;
import netc.runtime.ops.Conv2d;
import netc.runtime.ops.Convolutions;
import netc.runtime.ops.DirectConv2d;
import netc.runtime.ops.SmallDense;
import netc.runtime.ops.Dense;
import netc.runtime.ops.Gemm;
import netc.runtime.ops.MaxPool2d;

/**
 * The device memory a network needs at a batch size, worked out from its compile-time shape table
 * before anything is allocated, so that a batch too large for the device is refused with a message
 * rather than ending in the driver.
 *
 * <p>{@link #model} mirrors what a generated model's constructor allocates: the input, the one block its
 * outputs and gradients are views of ({@link NetworkInfo#memory()}, planned by liveness), and each
 * layer's own buffers, sized by the op itself ({@link Conv2d#deviceMemory} or {@link DirectConv2d#deviceMemory}: weight, bias,
 * im2col columns, GEMM product and packing scratch; {@link Dense#deviceMemory};
 * {@link MaxPool2d#deviceMemory}: its arg-max record; {@link BatchNorm#deviceMemory}; average pooling,
 * dropout, standalone activations, global pooling and the joins own nothing). The parameters' gradients
 * are allocated by the first backward pass ({@link netc.runtime.model.Parameter}), so a model that only
 * predicts never holds them: {@link #trainingStep} adds them. The rest adds what runs beside the model.
 *
 * <p>Approximated: GEMM packing scratch is rounded up to 16-wide register blocks (exact on AVX-512
 * CPUs; see {@link Gemm#deviceMemory}); the driver's own overhead per buffer, the compiled kernels and
 * any alignment padding are not counted.
 */
public final class MemoryEstimate {
    private static final Pattern CONV = Pattern.compile("Conv\\((\\d+), k(\\d+), s(\\d+), p(\\d+)(, \\w+)?\\)");
    private static final Pattern POOL = Pattern.compile("(MaxPool|AvgPool)\\(k(\\d+), s(\\d+), p(\\d+)\\)");
    private static final Pattern DENSE = Pattern.compile("Dense\\((\\d+)(, \\w+)?\\)");
    private static final Pattern DROPOUT = Pattern.compile("Dropout\\(.*\\)");
    private static final Pattern BATCH_NORM = Pattern.compile("BatchNorm");
    /** Kinds whose op holds no buffer of its own. */
    private static final Pattern STATELESS = Pattern.compile("ReLU|Sigmoid|Tanh|GlobalAvgPool|Add|Concat|Flatten");

    private MemoryEstimate() {}

    /** What the generated model's constructor allocates for {@code batch}: all a model that only predicts takes. */
    public static DeviceMemory model(NetworkInfo info, int batch) {
        DeviceMemory memory = DeviceMemory.floats((long) batch * info.inputSize())
                .plus(DeviceMemory.floats((long) batch * info.memory().floatsPerExample()));
        List<Integer> networkInput = List.of(info.channels(), info.height(), info.width());
        List<LayerRow> layers = info.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerRow layer = layers.get(i);
            // A row reads its first input; a table built by hand is a chain, each row reading the one above.
            int input = layer.inputs().isEmpty() ? i - 1 : layer.inputs().get(0);
            List<Integer> shape = input == LayerRow.NETWORK_INPUT ? networkInput : layers.get(input).outputShape();
            memory = memory.alongside(ownBuffers(info, layer, shape, batch));
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

    /** The buffers the layer's op allocates for itself; {@code in} is its input's shape (one example). */
    private static DeviceMemory ownBuffers(NetworkInfo info, LayerRow layer, List<Integer> in, int batch) {
        String kind = layer.kind();
        Matcher conv = CONV.matcher(kind);
        if (conv.matches()) {
            int out = Integer.parseInt(conv.group(1));
            int kernel = Integer.parseInt(conv.group(2));
            int stride = Integer.parseInt(conv.group(3));
            int padding = Integer.parseInt(conv.group(4));
            // The code generator makes the same choice, from the same numbers.
            if (DirectConv2d.suits(in.get(0), in.get(2), out, kernel, stride, padding)) {
                return DirectConv2d.deviceMemory(batch, in.get(0), in.get(1), in.get(2), out, kernel, padding);
            }
            // StridedConv2d, Conv2d or WinogradConv2d, as the code generator chooses.
            return Convolutions.deviceMemory(batch, in.get(0), in.get(1), in.get(2), out, kernel, stride, padding);
        }
        Matcher pool = POOL.matcher(kind);
        if (pool.matches()) {
            return pool.group(1).equals("MaxPool")
                    ? MaxPool2d.deviceMemory((long) batch * size(layer.outputShape()), Integer.parseInt(pool.group(2)))
                    : DeviceMemory.NONE;
        }
        Matcher dense = DENSE.matcher(kind);
        if (dense.matches()) {
            int inputs = Math.toIntExact(size(in));
            int outputs = Integer.parseInt(dense.group(1));
            // The code generator makes the same choice, from the same numbers.
            return SmallDense.suits(inputs, outputs)
                    ? SmallDense.deviceMemory(inputs, outputs)
                    : Dense.deviceMemory(batch, inputs, outputs);
        }
        if (DROPOUT.matcher(kind).matches()) {
            return DeviceMemory.NONE; // the mask is replayed from its key, never stored
        }
        if (BATCH_NORM.matcher(kind).matches()) {
            return BatchNorm.deviceMemory(batch, in.get(0));
        }
        if (STATELESS.matcher(kind).matches()) {
            return DeviceMemory.NONE;
        }
        throw new IllegalStateException("The memory estimate does not know layer " + layer.name() + " of "
                + info.name() + " (" + kind + "); teach MemoryEstimate what its op allocates.");
    }

    private static long size(List<Integer> shape) {
        long size = 1;
        for (int dimension : shape) {
            size *= dimension;
        }
        return size;
    }
}
