package netc.runtime.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;

/**
 * A model that holds parameters (and buffers, for a BatchNorm's running statistics) and nothing else,
 * standing in for a generated model in the tests of weight files and checkpoints (which only touch
 * {@link #parameters()}, {@link #buffers()} and {@link #info()}).
 */
final class ParameterOnlyModel extends CompiledModel {
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<StateTensor> buffers = new ArrayList<>();
    private final Tensor input;
    private final Tensor logits;

    /** @param shapes parameter name → PyTorch shape, in layer order */
    ParameterOnlyModel(Device device, String network, String shapeHash, Map<String, int[]> shapes) {
        super(device, new NetworkInfo(network, "test." + network, 1, 2, 2, 2, List.of(), shapeHash, ""), 1);
        shapes.forEach((name, shape) -> parameters.add(own(new Parameter(device, name,
                name.endsWith("bias") ? Parameter.Kind.BIAS : Parameter.Kind.WEIGHT, shape, 1, 1))));
        this.input = own(new Tensor(device, 1, 1, 2, 2));
        this.logits = own(new Tensor(device, 1, 2));
    }

    /**
     * conv1 [2,1,3,3] + bias and a BatchNorm bn over its 2 channels: weight and bias, and the buffers
     * {@code bn.running_mean} and {@code bn.running_var} (starting at 0 and 1, as PyTorch's do).
     */
    static ParameterOnlyModel withBatchNorm(Device device, String network, String shapeHash) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("conv1.weight", new int[] {2, 1, 3, 3});
        shapes.put("conv1.bias", new int[] {2});
        shapes.put("bn.weight", new int[] {2});
        shapes.put("bn.bias", new int[] {2});
        ParameterOnlyModel model = new ParameterOnlyModel(device, network, shapeHash, shapes);
        model.buffers.add(model.own(new StateTensor(device, "bn.running_mean", new int[] {2}, 0f)));
        model.buffers.add(model.own(new StateTensor(device, "bn.running_var", new int[] {2}, 1f)));
        return model;
    }

    /** conv1 [2,1,3,3] + bias, fc [3,8] + bias: small, with two layers, weights and biases. */
    static ParameterOnlyModel tiny(Device device, String network, String shapeHash) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("conv1.weight", new int[] {2, 1, 3, 3});
        shapes.put("conv1.bias", new int[] {2});
        shapes.put("fc.weight", new int[] {3, 8});
        shapes.put("fc.bias", new int[] {3});
        return new ParameterOnlyModel(device, network, shapeHash, shapes);
    }

    /** d2l's LeNet as the PyTorch fixtures hold it, under this project's own layer names. */
    static ParameterOnlyModel lenet(Device device) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put("conv1.weight", new int[] {6, 1, 5, 5});
        shapes.put("conv1.bias", new int[] {6});
        shapes.put("conv2.weight", new int[] {16, 6, 5, 5});
        shapes.put("conv2.bias", new int[] {16});
        shapes.put("fc1.weight", new int[] {120, 400});
        shapes.put("fc1.bias", new int[] {120});
        shapes.put("fc2.weight", new int[] {84, 120});
        shapes.put("fc2.bias", new int[] {84});
        shapes.put("fc3.weight", new int[] {10, 84});
        shapes.put("fc3.bias", new int[] {10});
        return new ParameterOnlyModel(device, "LeNet", "lenet-hash", shapes);
    }

    /** The description {@link #lenet} carries. */
    static NetworkInfo lenetInfo() {
        return new NetworkInfo("LeNet", "test.LeNet", 1, 2, 2, 2, List.of(), "lenet-hash", "");
    }

    /** Fills every parameter with seeded Gaussian values; returns them, parameter by parameter. */
    List<float[]> randomize(long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : parameters) {
            float[] v = new float[Math.toIntExact(parameter.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            parameter.value().upload(v);
            values.add(v);
        }
        return values;
    }

    /** Fills every parameter's gradient with seeded Gaussian values, as a backward pass would. */
    void randomizeGradients(long seed) {
        Random random = new Random(seed);
        for (Parameter parameter : parameters) {
            float[] g = new float[Math.toIntExact(parameter.size())];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) random.nextGaussian();
            }
            parameter.grad().upload(g);
        }
    }

    List<float[]> values() {
        return parameters.stream().map(p -> p.value().download()).toList();
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

    /** Fills every buffer with seeded values (positive, as variances are); returns them, buffer by buffer. */
    List<float[]> randomizeBuffers(long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (StateTensor buffer : buffers) {
            float[] v = new float[Math.toIntExact(buffer.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.5f + random.nextFloat();
            }
            buffer.value().upload(v);
            values.add(v);
        }
        return values;
    }

    List<float[]> bufferValues() {
        return buffers.stream().map(b -> b.value().download()).toList();
    }
}
