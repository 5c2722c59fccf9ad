package netc.runtime.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.LayerRow;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;
import netc.runtime.model.TensorInfo;
import netc.runtime.model.TorchStep;
import netc.runtime.model.MemoryPlan;
import netc.runtime.ops.BatchNorm;

/**
 * A model that holds tensors and runs nothing, standing in for a generated model in the tests of weight
 * files and checkpoints (which only touch {@link #parameters()}, {@link #buffers()}, {@link #counters()} and
 * {@link #info()}). Its {@code INFO} is written as the processor writes one: each layer with its slot in a
 * PyTorch {@code nn.Sequential}, so PyTorch's numbered names map as they do for a compiled network.
 */
final class ParameterOnlyModel extends CompiledModel {
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<StateTensor> buffers = new ArrayList<>();
    private final Tensor input;
    private final Tensor logits;

    /** A layer as the test describes it: netc's name, its PyTorch slot, its parameters' shapes (suffix → shape). */
    record Layer(String name, int slot, Map<String, int[]> parameters, boolean batchNorm) {
        static Layer of(String name, int slot, int[] weight, int[] bias) {
            Map<String, int[]> shapes = new LinkedHashMap<>();
            shapes.put("weight", weight);
            shapes.put("bias", bias);
            return new Layer(name, slot, shapes, false);
        }

        /** A batch norm over {@code channels}: weight and bias, and its buffers. */
        static Layer batchNorm(String name, int slot, int channels) {
            Map<String, int[]> shapes = new LinkedHashMap<>();
            shapes.put("weight", new int[] {channels});
            shapes.put("bias", new int[] {channels});
            return new Layer(name, slot, shapes, true);
        }
    }

    ParameterOnlyModel(Device device, String network, String shapeHash, List<Layer> layers) {
        super(device, info(network, shapeHash, layers), 1);
        for (Layer layer : layers) {
            if (layer.batchNorm()) {
                BatchNorm op = own(new BatchNorm(device, layer.name(), 1, layer.parameters().get("weight")[0], 1));
                parameters.addAll(op.parameters());
                buffers.addAll(op.state());
            } else {
                layer.parameters().forEach((suffix, shape) -> parameters.add(own(new Parameter(device,
                        layer.name() + "." + suffix, suffix.equals("bias") ? Parameter.Kind.BIAS : Parameter.Kind.WEIGHT,
                        shape, 1, 1))));
            }
        }
        this.input = own(new Tensor(device, 1, 1, 2, 2));
        this.logits = own(new Tensor(device, 1, 2));
    }

    /** The INFO the processor would write for {@code layers}: a chain, each tensor with its row and PyTorch path. */
    static NetworkInfo info(String network, String shapeHash, List<Layer> layers) {
        List<LayerRow> rows = new ArrayList<>();
        List<TensorInfo> tensors = new ArrayList<>();
        List<TensorInfo> buffers = new ArrayList<>();
        for (Layer layer : layers) {
            int row = rows.size();
            long count = 0;
            for (Map.Entry<String, int[]> tensor : layer.parameters().entrySet()) {
                List<Integer> shape = java.util.Arrays.stream(tensor.getValue()).boxed().toList();
                TensorInfo info = new TensorInfo(layer.name() + "." + tensor.getKey(), row, tensor.getKey(), shape);
                tensors.add(info);
                count += info.size();
            }
            if (layer.batchNorm()) {
                List<Integer> channels = List.of(layer.parameters().get("weight")[0]);
                buffers.add(new TensorInfo(layer.name() + ".running_mean", row, "running_mean", channels));
                buffers.add(new TensorInfo(layer.name() + ".running_var", row, "running_var", channels));
                buffers.add(new TensorInfo(layer.name() + ".num_batches_tracked", row, "num_batches_tracked",
                        List.of()));
            }
            rows.add(new LayerRow(layer.name(), layer.batchNorm() ? "BatchNorm" : "Test", List.of(1), count, 0,
                    List.of(row - 1), List.of(new TorchStep(layer.name(), layer.slot(), -1))));
        }
        return new NetworkInfo(network, "test." + network, 1, 2, 2, 2, rows, tensors, buffers, new MemoryPlan(0, List.of()),
                shapeHash, "");
    }

    /** conv1 [2,1,3,3] + bias at slot 0 (with a fused activation at 1), fc [3,8] + bias at slot 2. */
    static ParameterOnlyModel tiny(Device device, String network, String shapeHash) {
        return new ParameterOnlyModel(device, network, shapeHash, tinyLayers());
    }

    static List<Layer> tinyLayers() {
        return List.of(Layer.of("conv1", 0, new int[] {2, 1, 3, 3}, new int[] {2}),
                Layer.of("fc", 2, new int[] {3, 8}, new int[] {3}));
    }

    /** The INFO {@link #tiny} carries. */
    static NetworkInfo tinyInfo(String network, String shapeHash) {
        return info(network, shapeHash, tinyLayers());
    }

    /**
     * conv1 at slot 0, a batch norm {@code bn1} over its 2 channels at slot 1 (a real {@link BatchNorm} op, with
     * running statistics and a counter), fc at slot 3: d2l's BatchNorm LeNet in miniature.
     */
    static ParameterOnlyModel withBatchNorm(Device device, String network, String shapeHash) {
        return new ParameterOnlyModel(device, network, shapeHash, batchNormLayers());
    }

    /** The INFO {@link #withBatchNorm} carries. */
    static NetworkInfo withBatchNormInfo(String network, String shapeHash) {
        return info(network, shapeHash, batchNormLayers());
    }

    private static List<Layer> batchNormLayers() {
        return List.of(Layer.of("conv1", 0, new int[] {2, 1, 3, 3}, new int[] {2}),
                Layer.batchNorm("bn1", 1, 2),
                Layer.of("fc", 3, new int[] {3, 8}, new int[] {3}));
    }

    /** d2l's LeNet as the PyTorch fixtures hold it, under this project's own layer names and slots. */
    static ParameterOnlyModel lenet(Device device) {
        return new ParameterOnlyModel(device, "LeNet", "lenet-hash", lenetLayers());
    }

    private static List<Layer> lenetLayers() {
        return List.of(Layer.of("conv1", 0, new int[] {6, 1, 5, 5}, new int[] {6}),
                Layer.of("conv2", 3, new int[] {16, 6, 5, 5}, new int[] {16}),
                Layer.of("fc1", 7, new int[] {120, 400}, new int[] {120}),
                Layer.of("fc2", 9, new int[] {84, 120}, new int[] {84}),
                Layer.of("fc3", 11, new int[] {10, 84}, new int[] {10}));
    }

    /** The description {@link #lenet} carries. */
    static NetworkInfo lenetInfo() {
        return info("LeNet", "lenet-hash", lenetLayers());
    }

    /** Fills every parameter with seeded Gaussian values; returns them, parameter by parameter. */
    List<float[]> randomize(long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : parameters) {
            float[] v = gaussian(random, parameter.size());
            parameter.value().upload(v);
            values.add(v);
        }
        return values;
    }

    /**
     * Fills every buffer with seeded values (positive ones, as running variances are) and sets every counter to
     * {@code 1000 + seed}; returns the buffers' values.
     */
    List<float[]> randomizeState(long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (StateTensor buffer : buffers) {
            float[] v = gaussian(random, buffer.size());
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i]);
            }
            buffer.value().upload(v);
            values.add(v);
        }
        counters().forEach(counter -> counter.set(1000 + seed));
        return values;
    }

    private static float[] gaussian(Random random, long size) {
        float[] v = new float[Math.toIntExact(size)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Fills every parameter's gradient with seeded Gaussian values, as a backward pass would. */
    void randomizeGradients(long seed) {
        Random random = new Random(seed);
        for (Parameter parameter : parameters) {
            parameter.grad().upload(gaussian(random, parameter.size()));
        }
    }

    List<float[]> values() {
        return parameters.stream().map(p -> p.value().download()).toList();
    }

    List<float[]> stateValues() {
        return buffers.stream().map(b -> b.value().download()).toList();
    }

    @Override
    public Tensor input() {
        return input;
    }

    @Override
    public Tensor logits() {
        return logits;
    }

    @Override
    public void forward(Mode mode) {
        throw new UnsupportedOperationException("ParameterOnlyModel has no layers to run");
    }

    @Override
    public void backward(Tensor dLogits) {
        throw new UnsupportedOperationException("ParameterOnlyModel has no layers to run");
    }

    @Override
    public List<Parameter> parameters() {
        return List.copyOf(parameters);
    }

    @Override
    public List<StateTensor> buffers() {
        return List.copyOf(buffers);
    }
}
