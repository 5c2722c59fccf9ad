package netc.samples;

import java.lang.Override;
import java.util.List;
import javax.annotation.processing.Generated;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Scratch;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.LayerRow;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.MemoryPlan;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.TensorInfo;
import netc.runtime.model.TorchStep;
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
 * Planned memory: parameters 246.8 kB, their gradients as much;
 *   outputs and gradients 9,984 floats per example (2.6 MB at batch 64)
 * </pre>
 *
 * <p>Multiply-adds count {@code out·Ho·Wo·in·k·k} for a convolution and {@code in·out} for a
 * dense layer; the other layers count none.
 *
 * <p>Memory: every output and gradient is a view of one block of device memory, placed when
 * the network was compiled by when each is live, from the step that writes it to the last
 * that reads it ({@code conv1} is a layer's forward step, {@code conv1'} its backward), so
 * that only tensors never live at the same step share memory. The input and the logits'
 * gradient are the caller's; each op's own scratch comes on top.
 *
 * <pre>
 * Tensor      Floats/example   Offset   Live
 * conv1Out             4,864        0   conv1 … conv1'
 * pool1Out             1,280    8,704   conv1 … conv2'
 * conv2Out             1,792    5,376   conv2 … conv2'
 * pool2Out               512    7,168   conv2 … fc1'
 * fc1Out                 256    7,936   fc1 … fc1'
 * fc2Out                 256    5,120   fc2 … fc2'
 * fc3Out                 256    8,448   fc3 … conv1'
 * dfc2Out                256    4,864   fc3' … fc2'
 * dfc1Out                256    7,680   fc2' … fc1'
 * dpool2Out              512    4,864   fc1' … conv2'
 * dpool1Out            1,280    7,168   conv2' … conv1'
 * Block: 9,984 floats per example (39.9 kB; 2.6 MB at batch 64)
 * Most live at one step (conv2'): 9,984 floats, the least any placement needs
 * </pre>
 */
@Generated("netc.processor.NetworkProcessor")
public final class LeNetModel extends CompiledModel {
    /**
     * What the compiler worked out about LeNet: its shape table, tensors, memory plan, shape hash and
     * summary; each row says what its layer's op allocates, as that op class works it out.
     */
    public static final NetworkInfo INFO = new NetworkInfo(
            "LeNet",
            "netc.samples.LeNet",
            1, 28, 28,
            10,
            List.of(
                    new LayerRow("conv1", "Conv(6, k5, s1, p2, SIGMOID)", List.of(6, 28, 28), 156L, 117600L,
                            List.of(-1), List.of(new TorchStep("conv1", 0, -1)),
                            batchSize -> DirectConv2d.deviceMemory(batchSize, 1, 28, 28, 6, 5, 2)),
                    new LayerRow("pool1", "AvgPool(k2, s2, p0)", List.of(6, 14, 14), 0L, 0L,
                            List.of(0), List.of(new TorchStep("pool1", 2, -1))),
                    new LayerRow("conv2", "Conv(16, k5, s1, p0, SIGMOID)", List.of(16, 10, 10), 2416L, 240000L,
                            List.of(1), List.of(new TorchStep("conv2", 3, -1)),
                            batchSize -> DirectConv2d.deviceMemory(batchSize, 6, 14, 14, 16, 5, 0)),
                    new LayerRow("pool2", "AvgPool(k2, s2, p0)", List.of(16, 5, 5), 0L, 0L,
                            List.of(2), List.of(new TorchStep("pool2", 5, -1))),
                    new LayerRow("fc1", "Dense(120, SIGMOID)", List.of(120), 48120L, 48000L,
                            List.of(3), List.of(new TorchStep("fc1", 7, -1)),
                            batchSize -> SmallDense.deviceMemory(400, 120)),
                    new LayerRow("fc2", "Dense(84, SIGMOID)", List.of(84), 10164L, 10080L,
                            List.of(4), List.of(new TorchStep("fc2", 9, -1)),
                            batchSize -> SmallDense.deviceMemory(120, 84)),
                    new LayerRow("fc3", "Dense(10)", List.of(10), 850L, 840L,
                            List.of(5), List.of(new TorchStep("fc3", 11, -1)),
                            batchSize -> SmallDense.deviceMemory(84, 10))),
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
            new MemoryPlan(9984L, List.of(
                    new MemoryPlan.Placement("conv1Out", 0L, 4864L, 0, 13),
                    new MemoryPlan.Placement("pool1Out", 8704L, 1280L, 0, 11),
                    new MemoryPlan.Placement("conv2Out", 5376L, 1792L, 2, 11),
                    new MemoryPlan.Placement("pool2Out", 7168L, 512L, 2, 9),
                    new MemoryPlan.Placement("fc1Out", 7936L, 256L, 4, 9),
                    new MemoryPlan.Placement("fc2Out", 5120L, 256L, 5, 8),
                    new MemoryPlan.Placement("fc3Out", 8448L, 256L, 6, 13),
                    new MemoryPlan.Placement("dfc2Out", 4864L, 256L, 7, 8),
                    new MemoryPlan.Placement("dfc1Out", 7680L, 256L, 8, 9),
                    new MemoryPlan.Placement("dpool2Out", 4864L, 512L, 9, 11),
                    new MemoryPlan.Placement("dpool1Out", 7168L, 1280L, 11, 13))),
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
                    + "Multiply-adds per example: 416,520 (0.42 M)\n"
                    + "Planned memory: parameters 246.8 kB, their gradients as much;\n"
                    + "  outputs and gradients 9,984 floats per example (2.6 MB at batch 64)\n");

    /**
     * Builds the model for a device and a batch size.
     */
    public static final ModelFactory FACTORY = LeNetModel::new;

    private final Tensor memory;

    private final Scratch scratch;

    private final Tensor input;

    private final DirectConv2d conv1;

    private final Tensor conv1Out;

    private final Tensor pool1Out;

    private final DirectConv2d conv2;

    private final Tensor conv2Out;

    private final Tensor pool2Out;

    private final SmallDense fc1;

    private final Tensor fc1Out;

    private final SmallDense fc2;

    private final Tensor fc2Out;

    private final SmallDense fc3;

    private final Tensor fc3Out;

    private final Tensor dfc2Out;

    private final Tensor dfc1Out;

    private final Tensor dpool2Out;

    private final Tensor dpool1Out;

    public LeNetModel(Device device, int batchSize) {
        super(device, INFO, batchSize);
        // Every output and gradient is a view of this block, placed by when each is live (see above).
        memory = own(new Tensor(device, batchSize, 9984)); // (N, 9,984)
        // What the ops use only inside one call, in one block as large as the largest op needs.
        scratch = own(new Scratch(device, MemoryEstimate.scratchFloats(INFO, batchSize)));
        input = own(new Tensor(device, batchSize, 1, 28, 28)); // (N, 1, 28, 28)
        conv1 = own(DirectConv2d.pooled(device, "conv1", batchSize, 1, 28, 28, 6, 5, 1, 2, Activation.SIGMOID, 2, 2, 0));
        conv1Out = own(memory.view(0, batchSize, 6, 28, 28)); // (N, 6, 28, 28)
        pool1Out = own(memory.view(batchSize * 8704L, batchSize, 6, 14, 14)); // (N, 6, 14, 14)
        conv2 = own(DirectConv2d.pooled(device, "conv2", batchSize, 6, 14, 14, 16, 5, 1, 0, Activation.SIGMOID, 2, 2, 0));
        conv2Out = own(memory.view(batchSize * 5376L, batchSize, 16, 10, 10)); // (N, 16, 10, 10)
        pool2Out = own(memory.view(batchSize * 7168L, batchSize, 16, 5, 5)); // (N, 16, 5, 5)
        fc1 = own(new SmallDense(device, "fc1", batchSize, 400, 120, Activation.SIGMOID));
        fc1Out = own(memory.view(batchSize * 7936L, batchSize, 120)); // (N, 120)
        fc2 = own(new SmallDense(device, "fc2", batchSize, 120, 84, Activation.SIGMOID));
        fc2Out = own(memory.view(batchSize * 5120L, batchSize, 84)); // (N, 84)
        fc3 = own(new SmallDense(device, "fc3", batchSize, 84, 10, Activation.NONE));
        fc3Out = own(memory.view(batchSize * 8448L, batchSize, 10)); // (N, 10)
        // The gradients between layers.
        dfc2Out = own(memory.view(batchSize * 4864L, batchSize, 84)); // (N, 84)
        dfc1Out = own(memory.view(batchSize * 7680L, batchSize, 120)); // (N, 120)
        dpool2Out = own(memory.view(batchSize * 4864L, batchSize, 16, 5, 5)); // (N, 16, 5, 5)
        dpool1Out = own(memory.view(batchSize * 7168L, batchSize, 6, 14, 14)); // (N, 6, 14, 14)
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
        conv1.forwardPooled(conv1Out, pool1Out, input);
        after("conv1", false);
        // pool1Out: written by conv1's forward
        after("pool1", false);
        conv2.forwardPooled(conv2Out, pool2Out, pool1Out);
        after("conv2", false);
        // pool2Out: written by conv2's forward
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
        fc3.backward(dfc2Out, dLogits, fc2Out, fc3Out);
        after("fc3", true);
        fc2.backward(dfc1Out, dfc2Out, fc1Out, fc2Out);
        after("fc2", true);
        fc1.backward(dpool2Out, dfc1Out, pool2Out, fc1Out);
        after("fc1", true);
        Tensor dconv2Out = dpool2Out; // (N, 16, 5, 5), the pooled gradient
        // conv2's backward spreads dpool2Out over pool2's windows
        after("pool2", true);
        conv2.backwardPooled(dpool1Out, dconv2Out, pool1Out, conv2Out);
        after("conv2", true);
        Tensor dconv1Out = dpool1Out; // (N, 6, 14, 14), the pooled gradient
        // conv1's backward spreads dpool1Out over pool1's windows
        after("pool1", true);
        conv1.backwardPooled(null, dconv1Out, input, conv1Out);
        after("conv1", true);
    }
}
