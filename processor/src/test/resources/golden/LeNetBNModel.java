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
import netc.runtime.model.StateTensor;
import netc.runtime.model.TensorInfo;
import netc.runtime.model.TorchStep;
import netc.runtime.ops.AvgPool2d;
import netc.runtime.ops.BatchNorm;
import netc.runtime.ops.DirectConv2d;
import netc.runtime.ops.SmallDense;

/**
 * The {@code LeNetBN} network compiled by netc: its forward and backward passes on an OpenCL
 * device, for one batch size.
 *
 * <pre>
 * Model: LeNetBN, input (N, 1, 28, 28)
 * Layer      Kind                   Output shape     Param #   Mult-adds
 * ======================================================================
 * conv1      Conv(6, k5, s1, p0)    (N, 6, 24, 24)       156      86,400
 * bn1        BatchNorm              (N, 6, 24, 24)        12           0
 * sigmoid1   Sigmoid                (N, 6, 24, 24)         0           0
 * pool1      AvgPool(k2, s2, p0)    (N, 6, 12, 12)         0           0
 * conv2      Conv(16, k5, s1, p0)   (N, 16, 8, 8)      2,416     153,600
 * bn2        BatchNorm              (N, 16, 8, 8)         32           0
 * sigmoid2   Sigmoid                (N, 16, 8, 8)          0           0
 * pool2      AvgPool(k2, s2, p0)    (N, 16, 4, 4)          0           0
 * flatten    Flatten                (N, 256)               0           0
 * fc1        Dense(120)             (N, 120)          30,840      30,720
 * bn3        BatchNorm              (N, 120)             240           0
 * sigmoid3   Sigmoid                (N, 120)               0           0
 * fc2        Dense(84)              (N, 84)           10,164      10,080
 * bn4        BatchNorm              (N, 84)              168           0
 * sigmoid4   Sigmoid                (N, 84)                0           0
 * fc3        Dense(10)              (N, 10)              850         840
 * ======================================================================
 * Total params: 44,878
 * Buffers: 12 tensors, 456 values (not trained)
 * Multiply-adds per example: 281,640 (0.28 M)
 * Planned memory: parameters 179.5 kB, their gradients as much;
 *   outputs and gradients 14,592 floats per example (3.7 MB at batch 64)
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
 * Tensor         Floats/example   Offset   Live
 * conv1Out                3,584        0   conv1 … conv1'
 * bn1Out                  3,584    3,584   bn1 … bn1'
 * pool1Out                1,024    7,168   pool1 … conv2'
 * conv2Out                1,024    8,192   conv2 … conv2'
 * bn2Out                  1,024    9,216   bn2 … bn2'
 * pool2Out                  256   10,240   pool2 … fc1'
 * fc1Out                    256   10,496   fc1 … fc1'
 * bn3Out                    256   10,752   bn3 … bn3'
 * fc2Out                    256   11,008   fc2 … fc2'
 * bn4Out                    256   11,264   bn4 … bn4'
 * fc3Out                    256   14,336   fc3 … conv1'
 * dsigmoid4Out              256   11,520   fc3' … bn4'
 * dfc2Out                   256   11,776   bn4' … fc2'
 * dsigmoid3Out              256   11,264   fc2' … bn3'
 * dfc1Out                   256   11,008   bn3' … fc1'
 * dflattenOut               256   11,264   fc1' … pool2'
 * dsigmoid2Out            1,024   10,240   pool2' … bn2'
 * dconv2Out               1,024   11,264   bn2' … conv2'
 * dpool1Out               1,024   12,288   conv2' … pool1'
 * dsigmoid1Out            3,584    7,168   pool1' … bn1'
 * dconv1Out               3,584   10,752   bn1' … conv1'
 * Block: 14,592 floats per example (58.4 kB; 3.7 MB at batch 64)
 * Most live at one step (bn1'): 14,592 floats, the least any placement needs
 * </pre>
 *
 * <p>Written over their input, as nothing reads it afterwards:
 * {@code sigmoid1} (over {@code bn1Out}),
 * {@code sigmoid2} (over {@code bn2Out}),
 * {@code sigmoid3} (over {@code bn3Out}),
 * {@code sigmoid4} (over {@code bn4Out}).
 */
@Generated("netc.processor.NetworkProcessor")
public final class LeNetBNModel extends CompiledModel {
    /**
     * What the compiler worked out about LeNetBN: its shape table, tensors, memory plan, shape hash and
     * summary; each row says what its layer's op allocates, as that op class works it out.
     */
    public static final NetworkInfo INFO = new NetworkInfo(
            "LeNetBN",
            "netc.samples.LeNetBN",
            1, 28, 28,
            10,
            List.of(
                    new LayerRow("conv1", "Conv(6, k5, s1, p0)", List.of(6, 24, 24), 156L, 86400L,
                            List.of(-1), List.of(new TorchStep("conv1", 0, -1)),
                            batchSize -> DirectConv2d.deviceMemory(batchSize, 1, 28, 28, 6, 5, 0)),
                    new LayerRow("bn1", "BatchNorm", List.of(6, 24, 24), 12L, 0L,
                            List.of(0), List.of(new TorchStep("bn1", 1, -1)),
                            batchSize -> BatchNorm.deviceMemory(batchSize, 6)),
                    new LayerRow("sigmoid1", "Sigmoid", List.of(6, 24, 24), 0L, 0L,
                            List.of(1), List.of(new TorchStep("sigmoid1", 2, -1))),
                    new LayerRow("pool1", "AvgPool(k2, s2, p0)", List.of(6, 12, 12), 0L, 0L,
                            List.of(2), List.of(new TorchStep("pool1", 3, -1))),
                    new LayerRow("conv2", "Conv(16, k5, s1, p0)", List.of(16, 8, 8), 2416L, 153600L,
                            List.of(3), List.of(new TorchStep("conv2", 4, -1)),
                            batchSize -> DirectConv2d.deviceMemory(batchSize, 6, 12, 12, 16, 5, 0)),
                    new LayerRow("bn2", "BatchNorm", List.of(16, 8, 8), 32L, 0L,
                            List.of(4), List.of(new TorchStep("bn2", 5, -1)),
                            batchSize -> BatchNorm.deviceMemory(batchSize, 16)),
                    new LayerRow("sigmoid2", "Sigmoid", List.of(16, 8, 8), 0L, 0L,
                            List.of(5), List.of(new TorchStep("sigmoid2", 6, -1))),
                    new LayerRow("pool2", "AvgPool(k2, s2, p0)", List.of(16, 4, 4), 0L, 0L,
                            List.of(6), List.of(new TorchStep("pool2", 7, -1))),
                    new LayerRow("flatten", "Flatten", List.of(256), 0L, 0L,
                            List.of(7), List.of(new TorchStep("flatten", 8, -1))),
                    new LayerRow("fc1", "Dense(120)", List.of(120), 30840L, 30720L,
                            List.of(8), List.of(new TorchStep("fc1", 9, -1)),
                            batchSize -> SmallDense.deviceMemory(256, 120)),
                    new LayerRow("bn3", "BatchNorm", List.of(120), 240L, 0L,
                            List.of(9), List.of(new TorchStep("bn3", 10, -1)),
                            batchSize -> BatchNorm.deviceMemory(batchSize, 120)),
                    new LayerRow("sigmoid3", "Sigmoid", List.of(120), 0L, 0L,
                            List.of(10), List.of(new TorchStep("sigmoid3", 11, -1))),
                    new LayerRow("fc2", "Dense(84)", List.of(84), 10164L, 10080L,
                            List.of(11), List.of(new TorchStep("fc2", 12, -1)),
                            batchSize -> SmallDense.deviceMemory(120, 84)),
                    new LayerRow("bn4", "BatchNorm", List.of(84), 168L, 0L,
                            List.of(12), List.of(new TorchStep("bn4", 13, -1)),
                            batchSize -> BatchNorm.deviceMemory(batchSize, 84)),
                    new LayerRow("sigmoid4", "Sigmoid", List.of(84), 0L, 0L,
                            List.of(13), List.of(new TorchStep("sigmoid4", 14, -1))),
                    new LayerRow("fc3", "Dense(10)", List.of(10), 850L, 840L,
                            List.of(14), List.of(new TorchStep("fc3", 15, -1)),
                            batchSize -> SmallDense.deviceMemory(84, 10))),
            List.of(
                    new TensorInfo("conv1.weight", 0, "weight", List.of(6, 1, 5, 5)),
                    new TensorInfo("conv1.bias", 0, "bias", List.of(6)),
                    new TensorInfo("bn1.weight", 1, "weight", List.of(6)),
                    new TensorInfo("bn1.bias", 1, "bias", List.of(6)),
                    new TensorInfo("conv2.weight", 4, "weight", List.of(16, 6, 5, 5)),
                    new TensorInfo("conv2.bias", 4, "bias", List.of(16)),
                    new TensorInfo("bn2.weight", 5, "weight", List.of(16)),
                    new TensorInfo("bn2.bias", 5, "bias", List.of(16)),
                    new TensorInfo("fc1.weight", 9, "weight", List.of(120, 256)),
                    new TensorInfo("fc1.bias", 9, "bias", List.of(120)),
                    new TensorInfo("bn3.weight", 10, "weight", List.of(120)),
                    new TensorInfo("bn3.bias", 10, "bias", List.of(120)),
                    new TensorInfo("fc2.weight", 12, "weight", List.of(84, 120)),
                    new TensorInfo("fc2.bias", 12, "bias", List.of(84)),
                    new TensorInfo("bn4.weight", 13, "weight", List.of(84)),
                    new TensorInfo("bn4.bias", 13, "bias", List.of(84)),
                    new TensorInfo("fc3.weight", 15, "weight", List.of(10, 84)),
                    new TensorInfo("fc3.bias", 15, "bias", List.of(10))),
            List.of(
                    new TensorInfo("bn1.running_mean", 1, "running_mean", List.of(6)),
                    new TensorInfo("bn1.running_var", 1, "running_var", List.of(6)),
                    new TensorInfo("bn1.num_batches_tracked", 1, "num_batches_tracked", List.of()),
                    new TensorInfo("bn2.running_mean", 5, "running_mean", List.of(16)),
                    new TensorInfo("bn2.running_var", 5, "running_var", List.of(16)),
                    new TensorInfo("bn2.num_batches_tracked", 5, "num_batches_tracked", List.of()),
                    new TensorInfo("bn3.running_mean", 10, "running_mean", List.of(120)),
                    new TensorInfo("bn3.running_var", 10, "running_var", List.of(120)),
                    new TensorInfo("bn3.num_batches_tracked", 10, "num_batches_tracked", List.of()),
                    new TensorInfo("bn4.running_mean", 13, "running_mean", List.of(84)),
                    new TensorInfo("bn4.running_var", 13, "running_var", List.of(84)),
                    new TensorInfo("bn4.num_batches_tracked", 13, "num_batches_tracked", List.of())),
            new MemoryPlan(14592L, List.of(
                    new MemoryPlan.Placement("conv1Out", 0L, 3584L, 0, 31),
                    new MemoryPlan.Placement("bn1Out", 3584L, 3584L, 1, 30),
                    new MemoryPlan.Placement("pool1Out", 7168L, 1024L, 3, 27),
                    new MemoryPlan.Placement("conv2Out", 8192L, 1024L, 4, 27),
                    new MemoryPlan.Placement("bn2Out", 9216L, 1024L, 5, 26),
                    new MemoryPlan.Placement("pool2Out", 10240L, 256L, 7, 22),
                    new MemoryPlan.Placement("fc1Out", 10496L, 256L, 9, 22),
                    new MemoryPlan.Placement("bn3Out", 10752L, 256L, 10, 21),
                    new MemoryPlan.Placement("fc2Out", 11008L, 256L, 12, 19),
                    new MemoryPlan.Placement("bn4Out", 11264L, 256L, 13, 18),
                    new MemoryPlan.Placement("fc3Out", 14336L, 256L, 15, 31),
                    new MemoryPlan.Placement("dsigmoid4Out", 11520L, 256L, 16, 18),
                    new MemoryPlan.Placement("dfc2Out", 11776L, 256L, 18, 19),
                    new MemoryPlan.Placement("dsigmoid3Out", 11264L, 256L, 19, 21),
                    new MemoryPlan.Placement("dfc1Out", 11008L, 256L, 21, 22),
                    new MemoryPlan.Placement("dflattenOut", 11264L, 256L, 22, 24),
                    new MemoryPlan.Placement("dsigmoid2Out", 10240L, 1024L, 24, 26),
                    new MemoryPlan.Placement("dconv2Out", 11264L, 1024L, 26, 27),
                    new MemoryPlan.Placement("dpool1Out", 12288L, 1024L, 27, 28),
                    new MemoryPlan.Placement("dsigmoid1Out", 7168L, 3584L, 28, 30),
                    new MemoryPlan.Placement("dconv1Out", 10752L, 3584L, 30, 31)),
            List.of("sigmoid1", "sigmoid2", "sigmoid3", "sigmoid4")),
            "8874ff075e64f0fa4df9aaf5a9ce1da39ff654f742eae494c79a878b3253d561",
            "Model: LeNetBN, input (N, 1, 28, 28)\n"
                    + "Layer      Kind                   Output shape     Param #   Mult-adds\n"
                    + "======================================================================\n"
                    + "conv1      Conv(6, k5, s1, p0)    (N, 6, 24, 24)       156      86,400\n"
                    + "bn1        BatchNorm              (N, 6, 24, 24)        12           0\n"
                    + "sigmoid1   Sigmoid                (N, 6, 24, 24)         0           0\n"
                    + "pool1      AvgPool(k2, s2, p0)    (N, 6, 12, 12)         0           0\n"
                    + "conv2      Conv(16, k5, s1, p0)   (N, 16, 8, 8)      2,416     153,600\n"
                    + "bn2        BatchNorm              (N, 16, 8, 8)         32           0\n"
                    + "sigmoid2   Sigmoid                (N, 16, 8, 8)          0           0\n"
                    + "pool2      AvgPool(k2, s2, p0)    (N, 16, 4, 4)          0           0\n"
                    + "flatten    Flatten                (N, 256)               0           0\n"
                    + "fc1        Dense(120)             (N, 120)          30,840      30,720\n"
                    + "bn3        BatchNorm              (N, 120)             240           0\n"
                    + "sigmoid3   Sigmoid                (N, 120)               0           0\n"
                    + "fc2        Dense(84)              (N, 84)           10,164      10,080\n"
                    + "bn4        BatchNorm              (N, 84)              168           0\n"
                    + "sigmoid4   Sigmoid                (N, 84)                0           0\n"
                    + "fc3        Dense(10)              (N, 10)              850         840\n"
                    + "======================================================================\n"
                    + "Total params: 44,878\n"
                    + "Buffers: 12 tensors, 456 values (not trained)\n"
                    + "Multiply-adds per example: 281,640 (0.28 M)\n"
                    + "Planned memory: parameters 179.5 kB, their gradients as much;\n"
                    + "  outputs and gradients 14,592 floats per example (3.7 MB at batch 64)\n");

    /**
     * Builds the model for a device and a batch size.
     */
    public static final ModelFactory FACTORY = LeNetBNModel::new;

    private final Tensor memory;

    private final Scratch scratch;

    private final Tensor input;

    private final DirectConv2d conv1;

    private final Tensor conv1Out;

    private final BatchNorm bn1;

    private final Tensor bn1Out;

    private final AvgPool2d pool1;

    private final Tensor pool1Out;

    private final DirectConv2d conv2;

    private final Tensor conv2Out;

    private final BatchNorm bn2;

    private final Tensor bn2Out;

    private final AvgPool2d pool2;

    private final Tensor pool2Out;

    private final SmallDense fc1;

    private final Tensor fc1Out;

    private final BatchNorm bn3;

    private final Tensor bn3Out;

    private final SmallDense fc2;

    private final Tensor fc2Out;

    private final BatchNorm bn4;

    private final Tensor bn4Out;

    private final SmallDense fc3;

    private final Tensor fc3Out;

    private final Tensor dsigmoid4Out;

    private final Tensor dfc2Out;

    private final Tensor dsigmoid3Out;

    private final Tensor dfc1Out;

    private final Tensor dflattenOut;

    private final Tensor dsigmoid2Out;

    private final Tensor dconv2Out;

    private final Tensor dpool1Out;

    private final Tensor dsigmoid1Out;

    private final Tensor dconv1Out;

    public LeNetBNModel(Device device, int batchSize) {
        super(device, INFO, batchSize);
        // Every output and gradient is a view of this block, placed by when each is live (see above).
        memory = own(new Tensor(device, batchSize, 14592)); // (N, 14,592)
        // What the ops use only inside one call, in one block as large as the largest op needs.
        scratch = own(new Scratch(device, MemoryEstimate.scratchFloats(INFO, batchSize)));
        input = own(new Tensor(device, batchSize, 1, 28, 28)); // (N, 1, 28, 28)
        conv1 = own(new DirectConv2d(device, "conv1", batchSize, 1, 28, 28, 6, 5, 1, 0, Activation.NONE));
        conv1Out = own(memory.view(0, batchSize, 6, 24, 24)); // (N, 6, 24, 24)
        bn1 = own(new BatchNorm(device, "bn1", batchSize, 6, 576, Activation.SIGMOID));
        bn1Out = own(memory.view(batchSize * 3584L, batchSize, 6, 24, 24)); // (N, 6, 24, 24)
        // sigmoid1: bn1 applies it to its own output, bn1Out.
        pool1 = own(new AvgPool2d(device, batchSize, 6, 24, 24, 2, 2, 0));
        pool1Out = own(memory.view(batchSize * 7168L, batchSize, 6, 12, 12)); // (N, 6, 12, 12)
        conv2 = own(new DirectConv2d(device, "conv2", batchSize, 6, 12, 12, 16, 5, 1, 0, Activation.NONE));
        conv2Out = own(memory.view(batchSize * 8192L, batchSize, 16, 8, 8)); // (N, 16, 8, 8)
        bn2 = own(new BatchNorm(device, "bn2", batchSize, 16, 64, Activation.SIGMOID));
        bn2Out = own(memory.view(batchSize * 9216L, batchSize, 16, 8, 8)); // (N, 16, 8, 8)
        // sigmoid2: bn2 applies it to its own output, bn2Out.
        pool2 = own(new AvgPool2d(device, batchSize, 16, 8, 8, 2, 2, 0));
        pool2Out = own(memory.view(batchSize * 10240L, batchSize, 16, 4, 4)); // (N, 16, 4, 4)
        fc1 = own(new SmallDense(device, "fc1", batchSize, 256, 120, Activation.NONE));
        fc1Out = own(memory.view(batchSize * 10496L, batchSize, 120)); // (N, 120)
        bn3 = own(new BatchNorm(device, "bn3", batchSize, 120, 1, Activation.SIGMOID));
        bn3Out = own(memory.view(batchSize * 10752L, batchSize, 120)); // (N, 120)
        // sigmoid3: bn3 applies it to its own output, bn3Out.
        fc2 = own(new SmallDense(device, "fc2", batchSize, 120, 84, Activation.NONE));
        fc2Out = own(memory.view(batchSize * 11008L, batchSize, 84)); // (N, 84)
        bn4 = own(new BatchNorm(device, "bn4", batchSize, 84, 1, Activation.SIGMOID));
        bn4Out = own(memory.view(batchSize * 11264L, batchSize, 84)); // (N, 84)
        // sigmoid4: bn4 applies it to its own output, bn4Out.
        fc3 = own(new SmallDense(device, "fc3", batchSize, 84, 10, Activation.NONE));
        fc3Out = own(memory.view(batchSize * 14336L, batchSize, 10)); // (N, 10)
        // The gradients between layers.
        dsigmoid4Out = own(memory.view(batchSize * 11520L, batchSize, 84)); // (N, 84)
        dfc2Out = own(memory.view(batchSize * 11776L, batchSize, 84)); // (N, 84)
        dsigmoid3Out = own(memory.view(batchSize * 11264L, batchSize, 120)); // (N, 120)
        dfc1Out = own(memory.view(batchSize * 11008L, batchSize, 120)); // (N, 120)
        dflattenOut = own(memory.view(batchSize * 11264L, batchSize, 256)); // (N, 256)
        dsigmoid2Out = own(memory.view(batchSize * 10240L, batchSize, 16, 8, 8)); // (N, 16, 8, 8)
        dconv2Out = own(memory.view(batchSize * 11264L, batchSize, 16, 8, 8)); // (N, 16, 8, 8)
        dpool1Out = own(memory.view(batchSize * 12288L, batchSize, 6, 12, 12)); // (N, 6, 12, 12)
        dsigmoid1Out = own(memory.view(batchSize * 7168L, batchSize, 6, 24, 24)); // (N, 6, 24, 24)
        dconv1Out = own(memory.view(batchSize * 10752L, batchSize, 6, 24, 24)); // (N, 6, 24, 24)
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
                bn1.parameters(),
                conv2.parameters(),
                bn2.parameters(),
                fc1.parameters(),
                bn3.parameters(),
                fc2.parameters(),
                bn4.parameters(),
                fc3.parameters()));
    }

    @Override
    public List<StateTensor> buffers() {
        return concat(List.of(
                bn1.state(),
                bn2.state(),
                bn3.state(),
                bn4.state()));
    }

    @Override
    public void forward(Mode mode) {
        conv1.forward(conv1Out, input);
        after("conv1", false);
        bn1.forward(bn1Out, conv1Out, mode, activeRows());
        after("bn1", false);
        // sigmoid1: applied by bn1's forward, to bn1Out
        after("sigmoid1", false);
        pool1.forward(pool1Out, bn1Out);
        after("pool1", false);
        conv2.forward(conv2Out, pool1Out);
        after("conv2", false);
        bn2.forward(bn2Out, conv2Out, mode, activeRows());
        after("bn2", false);
        // sigmoid2: applied by bn2's forward, to bn2Out
        after("sigmoid2", false);
        pool2.forward(pool2Out, bn2Out);
        after("pool2", false);
        fc1.forward(fc1Out, pool2Out);
        after("fc1", false);
        bn3.forward(bn3Out, fc1Out, mode, activeRows());
        after("bn3", false);
        // sigmoid3: applied by bn3's forward, to bn3Out
        after("sigmoid3", false);
        fc2.forward(fc2Out, bn3Out);
        after("fc2", false);
        bn4.forward(bn4Out, fc2Out, mode, activeRows());
        after("bn4", false);
        // sigmoid4: applied by bn4's forward, to bn4Out
        after("sigmoid4", false);
        fc3.forward(fc3Out, bn4Out);
        after("fc3", false);
    }

    @Override
    public void backward(Tensor dLogits) {
        fc3.backward(dsigmoid4Out, dLogits, bn4Out, fc3Out);
        after("fc3", true);
        Tensor dbn4Out = dsigmoid4Out; // (N, 84), the gradient bn4's backward takes
        // bn4's backward applies sigmoid4's derivative
        after("sigmoid4", true);
        bn4.backward(dfc2Out, dbn4Out, fc2Out, bn4Out);
        after("bn4", true);
        fc2.backward(dsigmoid3Out, dfc2Out, bn3Out, fc2Out);
        after("fc2", true);
        Tensor dbn3Out = dsigmoid3Out; // (N, 120), the gradient bn3's backward takes
        // bn3's backward applies sigmoid3's derivative
        after("sigmoid3", true);
        bn3.backward(dfc1Out, dbn3Out, fc1Out, bn3Out);
        after("bn3", true);
        fc1.backward(dflattenOut, dfc1Out, pool2Out, fc1Out);
        after("fc1", true);
        Tensor dpool2Out = dflattenOut; // (N, 16, 4, 4), the same gradient
        pool2.backward(dsigmoid2Out, dpool2Out);
        after("pool2", true);
        Tensor dbn2Out = dsigmoid2Out; // (N, 16, 8, 8), the gradient bn2's backward takes
        // bn2's backward applies sigmoid2's derivative
        after("sigmoid2", true);
        bn2.backward(dconv2Out, dbn2Out, conv2Out, bn2Out);
        after("bn2", true);
        conv2.backward(dpool1Out, dconv2Out, pool1Out, conv2Out);
        after("conv2", true);
        pool1.backward(dsigmoid1Out, dpool1Out);
        after("pool1", true);
        Tensor dbn1Out = dsigmoid1Out; // (N, 6, 24, 24), the gradient bn1's backward takes
        // bn1's backward applies sigmoid1's derivative
        after("sigmoid1", true);
        bn1.backward(dconv1Out, dbn1Out, conv1Out, bn1Out);
        after("bn1", true);
        conv1.backward(null, dconv1Out, input, conv1Out);
        after("conv1", true);
    }
}
