package netc.samples;

import java.lang.Override;
import java.util.List;
import javax.annotation.processing.Generated;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.LayerRow;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.TensorInfo;
import netc.runtime.model.TorchStep;
import netc.runtime.model.Workspaces;
import netc.runtime.ops.AvgPool2d;
import netc.runtime.ops.DirectConv2d;
import netc.runtime.ops.SmallDense;

/**
 * The {@code LeNet} network compiled by netc: its forward and backward passes on an OpenCL
 * device, for one batch size.
 *
 * <pre>
 * Model: LeNet, input (N, 1, 28, 28)
 * Layer   Kind                            Output shape      Param #   Mult-adds
 * =============================================================================
 * conv1   Conv(6, k5, s1, p2, SIGMOID)    (N, 6, 28, 28)        156     117,600
 * pool1   AvgPool(k2, s2, p0)             (N, 6, 14, 14)          0           0
 * conv2   Conv(16, k5, s1, p0, SIGMOID)   (N, 16, 10, 10)     2,416     240,000
 * pool2   AvgPool(k2, s2, p0)             (N, 16, 5, 5)           0           0
 * fc1     Dense(120, SIGMOID)             (N, 120)           48,120      48,000
 * fc2     Dense(84, SIGMOID)              (N, 84)            10,164      10,080
 * fc3     Dense(10)                       (N, 10)               850         840
 * =============================================================================
 * Total params: 61,706
 * Multiply-adds per example: 416,520 (0.42 M)
 * </pre>
 *
 * <p>Multiply-adds count {@code out·Ho·Wo·in·k·k} for a convolution and {@code in·out} for a
 * dense layer; the other layers count none.
 *
 * <p>Memory: every layer's output is kept, since the backward pass needs them all. A
 * gradient lives only from the step that writes it to the step that consumes it, so
 * they alternate between two workspaces (ops accept tensors larger than they need),
 * each as large as the largest gradient, conv1's {@code (N, 6, 28, 28)}.
 */
@Generated("netc.processor.NetworkProcessor")
public final class LeNetModel extends CompiledModel {
    /**
     * What the compiler worked out about LeNet: its shape table, tensors, memory plan, shape hash and summary.
     */
    public static final NetworkInfo INFO = new NetworkInfo(
            "LeNet",
            "netc.samples.LeNet",
            1, 28, 28,
            10,
            List.of(
                    new LayerRow("conv1", "Conv(6, k5, s1, p2, SIGMOID)", List.of(6, 28, 28), 156L, 117600L,
                            List.of(-1), List.of(new TorchStep("conv1", 0, -1))),
                    new LayerRow("pool1", "AvgPool(k2, s2, p0)", List.of(6, 14, 14), 0L, 0L,
                            List.of(0), List.of(new TorchStep("pool1", 2, -1))),
                    new LayerRow("conv2", "Conv(16, k5, s1, p0, SIGMOID)", List.of(16, 10, 10), 2416L, 240000L,
                            List.of(1), List.of(new TorchStep("conv2", 3, -1))),
                    new LayerRow("pool2", "AvgPool(k2, s2, p0)", List.of(16, 5, 5), 0L, 0L,
                            List.of(2), List.of(new TorchStep("pool2", 5, -1))),
                    new LayerRow("fc1", "Dense(120, SIGMOID)", List.of(120), 48120L, 48000L,
                            List.of(3), List.of(new TorchStep("fc1", 7, -1))),
                    new LayerRow("fc2", "Dense(84, SIGMOID)", List.of(84), 10164L, 10080L,
                            List.of(4), List.of(new TorchStep("fc2", 9, -1))),
                    new LayerRow("fc3", "Dense(10)", List.of(10), 850L, 840L,
                            List.of(5), List.of(new TorchStep("fc3", 11, -1)))),
            List.of(
                    new TensorInfo("conv1.weight", 0, "weight", List.of(6, 1, 5, 5)),
                    new TensorInfo("conv1.bias", 0, "bias", List.of(6)),
                    new TensorInfo("conv2.weight", 2, "weight", List.of(16, 6, 5, 5)),
                    new TensorInfo("conv2.bias", 2, "bias", List.of(16)),
                    new TensorInfo("fc1.weight", 4, "weight", List.of(120, 400)),
                    new TensorInfo("fc1.bias", 4, "bias", List.of(120)),
                    new TensorInfo("fc2.weight", 5, "weight", List.of(84, 120)),
                    new TensorInfo("fc2.bias", 5, "bias", List.of(84)),
                    new TensorInfo("fc3.weight", 6, "weight", List.of(10, 84)),
                    new TensorInfo("fc3.bias", 6, "bias", List.of(10))),
            List.of(),
            new Workspaces(2, 4704L),
            "600c4834c4aae100fbc3a6df64794f2b04017358180767483606daf4079ede21",
            "Model: LeNet, input (N, 1, 28, 28)\n"
                    + "Layer   Kind                            Output shape      Param #   Mult-adds\n"
                    + "=============================================================================\n"
                    + "conv1   Conv(6, k5, s1, p2, SIGMOID)    (N, 6, 28, 28)        156     117,600\n"
                    + "pool1   AvgPool(k2, s2, p0)             (N, 6, 14, 14)          0           0\n"
                    + "conv2   Conv(16, k5, s1, p0, SIGMOID)   (N, 16, 10, 10)     2,416     240,000\n"
                    + "pool2   AvgPool(k2, s2, p0)             (N, 16, 5, 5)           0           0\n"
                    + "fc1     Dense(120, SIGMOID)             (N, 120)           48,120      48,000\n"
                    + "fc2     Dense(84, SIGMOID)              (N, 84)            10,164      10,080\n"
                    + "fc3     Dense(10)                       (N, 10)               850         840\n"
                    + "=============================================================================\n"
                    + "Total params: 61,706\n"
                    + "Multiply-adds per example: 416,520 (0.42 M)\n");

    /**
     * Builds the model for a device and a batch size.
     */
    public static final ModelFactory FACTORY = LeNetModel::new;

    private final Tensor input;

    private final DirectConv2d conv1;

    private final Tensor conv1Out;

    private final AvgPool2d pool1;

    private final Tensor pool1Out;

    private final DirectConv2d conv2;

    private final Tensor conv2Out;

    private final AvgPool2d pool2;

    private final Tensor pool2Out;

    private final SmallDense fc1;

    private final Tensor fc1Out;

    private final SmallDense fc2;

    private final Tensor fc2Out;

    private final SmallDense fc3;

    private final Tensor fc3Out;

    private final Tensor gradientA;

    private final Tensor gradientB;

    public LeNetModel(Device device, int batchSize) {
        super(device, INFO, batchSize);
        input = own(new Tensor(device, batchSize, 1, 28, 28)); // (N, 1, 28, 28)
        conv1 = own(new DirectConv2d(device, "conv1", batchSize, 1, 28, 28, 6, 5, 1, 2, Activation.SIGMOID));
        conv1Out = own(new Tensor(device, batchSize, 6, 28, 28)); // (N, 6, 28, 28)
        pool1 = own(new AvgPool2d(device, batchSize, 6, 28, 28, 2, 2, 0));
        pool1Out = own(new Tensor(device, batchSize, 6, 14, 14)); // (N, 6, 14, 14)
        conv2 = own(new DirectConv2d(device, "conv2", batchSize, 6, 14, 14, 16, 5, 1, 0, Activation.SIGMOID));
        conv2Out = own(new Tensor(device, batchSize, 16, 10, 10)); // (N, 16, 10, 10)
        pool2 = own(new AvgPool2d(device, batchSize, 16, 10, 10, 2, 2, 0));
        pool2Out = own(new Tensor(device, batchSize, 16, 5, 5)); // (N, 16, 5, 5)
        fc1 = own(new SmallDense(device, "fc1", batchSize, 400, 120, Activation.SIGMOID));
        fc1Out = own(new Tensor(device, batchSize, 120)); // (N, 120)
        fc2 = own(new SmallDense(device, "fc2", batchSize, 120, 84, Activation.SIGMOID));
        fc2Out = own(new Tensor(device, batchSize, 84)); // (N, 84)
        fc3 = own(new SmallDense(device, "fc3", batchSize, 84, 10, Activation.NONE));
        fc3Out = own(new Tensor(device, batchSize, 10)); // (N, 10)
        // Gradients between layers alternate between two workspaces, each as large as the largest: conv1's (N, 6, 28, 28).
        gradientA = own(new Tensor(device, batchSize, 4704)); // (N, 4704)
        gradientB = own(new Tensor(device, batchSize, 4704)); // (N, 4704)
    }

    @Override
    public Tensor input() {
        return input;
    }

    @Override
    public Tensor logits() {
        return fc3Out;
    }

    @Override
    public List<Parameter> parameters() {
        return concat(List.of(
                conv1.parameters(),
                conv2.parameters(),
                fc1.parameters(),
                fc2.parameters(),
                fc3.parameters()));
    }

    @Override
    public void forward(Mode mode) {
        conv1.forward(conv1Out, input);
        after("conv1", false);
        pool1.forward(pool1Out, conv1Out);
        after("pool1", false);
        conv2.forward(conv2Out, pool1Out);
        after("conv2", false);
        pool2.forward(pool2Out, conv2Out);
        after("pool2", false);
        fc1.forward(fc1Out, pool2Out);
        after("fc1", false);
        fc2.forward(fc2Out, fc1Out);
        after("fc2", false);
        fc3.forward(fc3Out, fc2Out);
        after("fc3", false);
    }

    @Override
    public void backward(Tensor dLogits) {
        Tensor dfc2Out = gradientA; // (N, 84)
        fc3.backward(dfc2Out, dLogits, fc2Out, fc3Out);
        after("fc3", true);
        Tensor dfc1Out = gradientB; // (N, 120)
        fc2.backward(dfc1Out, dfc2Out, fc1Out, fc2Out);
        after("fc2", true);
        Tensor dpool2Out = gradientA; // (N, 16, 5, 5)
        fc1.backward(dpool2Out, dfc1Out, pool2Out, fc1Out);
        after("fc1", true);
        Tensor dconv2Out = gradientB; // (N, 16, 10, 10)
        pool2.backward(dconv2Out, dpool2Out);
        after("pool2", true);
        Tensor dpool1Out = gradientA; // (N, 6, 14, 14)
        conv2.backward(dpool1Out, dconv2Out, pool1Out, conv2Out);
        after("conv2", true);
        Tensor dconv1Out = gradientB; // (N, 6, 28, 28)
        pool1.backward(dconv1Out, dpool1Out);
        after("pool1", true);
        conv1.backward(null, dconv1Out, input, conv1Out);
        after("conv1", true);
    }
}
