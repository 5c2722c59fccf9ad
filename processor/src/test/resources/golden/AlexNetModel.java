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
import netc.runtime.ops.Dense;
import netc.runtime.ops.Dropout;
import netc.runtime.ops.MaxPool2d;
import netc.runtime.ops.StridedConv2d;
import netc.runtime.ops.WinogradConv2d;

/**
 * The {@code AlexNet} network compiled by netc: its forward and backward passes on an OpenCL
 * device, for one batch size.
 *
 * <pre>
 * Model: AlexNet, input (N, 1, 224, 224)
 * Layer   Kind                          Output shape          Param #     Mult-adds
 * =================================================================================
 * conv1   Conv(96, k11, s4, p1, RELU)   (N, 96, 54, 54)        11,712    33,872,256
 * pool1   MaxPool(k3, s2, p0)           (N, 96, 26, 26)             0             0
 * conv2   Conv(256, k5, s1, p2, RELU)   (N, 256, 26, 26)      614,656   415,334,400
 * pool2   MaxPool(k3, s2, p0)           (N, 256, 12, 12)            0             0
 * conv3   Conv(384, k3, s1, p1, RELU)   (N, 384, 12, 12)      885,120   127,401,984
 * conv4   Conv(384, k3, s1, p1, RELU)   (N, 384, 12, 12)    1,327,488   191,102,976
 * conv5   Conv(256, k3, s1, p1, RELU)   (N, 256, 12, 12)      884,992   127,401,984
 * pool3   MaxPool(k3, s2, p0)           (N, 256, 5, 5)              0             0
 * fc1     Dense(4096, RELU)             (N, 4096)          26,218,496    26,214,400
 * drop1   Dropout(0.5)                  (N, 4096)                   0             0
 * fc2     Dense(4096, RELU)             (N, 4096)          16,781,312    16,777,216
 * drop2   Dropout(0.5)                  (N, 4096)                   0             0
 * fc3     Dense(10)                     (N, 10)                40,970        40,960
 * =================================================================================
 * Total params: 46,764,746
 * Multiply-adds per example: 938,146,176 (0.94 G)
 * Planned memory: parameters 187.1 MB, their gradients as much;
 *   outputs and gradients 345,344 floats per example (88.4 MB at batch 64)
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
 * Tensor      Floats/example    Offset   Live
 * conv1Out           280,064         0   conv1 … pool1
 * pool1Out            65,024   280,064   pool1 … conv2'
 * conv2Out           173,056         0   conv2 … pool2
 * pool2Out            36,864   173,056   pool2 … conv3'
 * conv3Out            55,296   110,592   conv3 … conv3'
 * conv4Out            55,296    55,296   conv4 … conv4'
 * conv5Out            36,864         0   conv5 … pool3
 * pool3Out             6,400    36,864   pool3 … fc1'
 * fc1Out               4,096    10,496   fc1 … fc1'
 * fc2Out               4,096     4,096   fc2 … fc2'
 * fc3Out                 256   345,088   fc3 … conv1'
 * ddrop2Out            4,096    14,592   fc3' … fc2'
 * ddrop1Out            4,096         0   fc2' … fc1'
 * dpool3Out            6,400     4,096   fc1' … pool3'
 * dconv5Out           36,864    10,496   pool3' … conv5'
 * dconv4Out           55,296   209,920   conv5' … conv4'
 * dconv3Out           55,296         0   conv4' … conv3'
 * dpool2Out           36,864    55,296   conv3' … pool2'
 * dconv2Out          173,056    92,160   pool2' … conv2'
 * dpool1Out           65,024         0   conv2' … pool1'
 * dconv1Out          280,064    65,024   pool1' … conv1'
 * Block: 345,344 floats per example (1.4 MB; 88.4 MB at batch 64)
 * Most live at one step (pool1'): 345,344 floats, the least any placement needs
 * </pre>
 *
 * <p>Written over their input, as nothing reads it afterwards:
 * {@code drop1} (over {@code fc1Out}),
 * {@code drop2} (over {@code fc2Out}).
 */
@Generated("netc.processor.NetworkProcessor")
public final class AlexNetModel extends CompiledModel {
    /**
     * What the compiler worked out about AlexNet: its shape table, tensors, memory plan, shape hash and
     * summary; each row says what its layer's op allocates, as that op class works it out.
     */
    public static final NetworkInfo INFO = new NetworkInfo(
            "AlexNet",
            "netc.samples.AlexNet",
            1, 224, 224,
            10,
            List.of(
                    new LayerRow("conv1", "Conv(96, k11, s4, p1, RELU)", List.of(96, 54, 54), 11712L, 33872256L,
                            List.of(-1), List.of(new TorchStep("conv1", 0, -1)),
                            batchSize -> StridedConv2d.deviceMemory(batchSize, 1, 224, 224, 96, 11, 4, 1)),
                    new LayerRow("pool1", "MaxPool(k3, s2, p0)", List.of(96, 26, 26), 0L, 0L,
                            List.of(0), List.of(new TorchStep("pool1", 2, -1)),
                            batchSize -> MaxPool2d.deviceMemory(batchSize * 64896L, 3)),
                    new LayerRow("conv2", "Conv(256, k5, s1, p2, RELU)", List.of(256, 26, 26), 614656L, 415334400L,
                            List.of(1), List.of(new TorchStep("conv2", 3, -1)),
                            batchSize -> WinogradConv2d.deviceMemory(batchSize, 96, 26, 26, 256, 5, 1, 2)),
                    new LayerRow("pool2", "MaxPool(k3, s2, p0)", List.of(256, 12, 12), 0L, 0L,
                            List.of(2), List.of(new TorchStep("pool2", 5, -1)),
                            batchSize -> MaxPool2d.deviceMemory(batchSize * 36864L, 3)),
                    new LayerRow("conv3", "Conv(384, k3, s1, p1, RELU)", List.of(384, 12, 12), 885120L, 127401984L,
                            List.of(3), List.of(new TorchStep("conv3", 6, -1)),
                            batchSize -> WinogradConv2d.deviceMemory(batchSize, 256, 12, 12, 384, 3, 1, 1)),
                    new LayerRow("conv4", "Conv(384, k3, s1, p1, RELU)", List.of(384, 12, 12), 1327488L, 191102976L,
                            List.of(4), List.of(new TorchStep("conv4", 8, -1)),
                            batchSize -> WinogradConv2d.deviceMemory(batchSize, 384, 12, 12, 384, 3, 1, 1)),
                    new LayerRow("conv5", "Conv(256, k3, s1, p1, RELU)", List.of(256, 12, 12), 884992L, 127401984L,
                            List.of(5), List.of(new TorchStep("conv5", 10, -1)),
                            batchSize -> WinogradConv2d.deviceMemory(batchSize, 384, 12, 12, 256, 3, 1, 1)),
                    new LayerRow("pool3", "MaxPool(k3, s2, p0)", List.of(256, 5, 5), 0L, 0L,
                            List.of(6), List.of(new TorchStep("pool3", 12, -1)),
                            batchSize -> MaxPool2d.deviceMemory(batchSize * 6400L, 3)),
                    new LayerRow("fc1", "Dense(4096, RELU)", List.of(4096), 26218496L, 26214400L,
                            List.of(7), List.of(new TorchStep("fc1", 14, -1)),
                            batchSize -> Dense.deviceMemory(batchSize, 6400, 4096)),
                    new LayerRow("drop1", "Dropout(0.5)", List.of(4096), 0L, 0L,
                            List.of(8), List.of(new TorchStep("drop1", 16, -1))),
                    new LayerRow("fc2", "Dense(4096, RELU)", List.of(4096), 16781312L, 16777216L,
                            List.of(9), List.of(new TorchStep("fc2", 17, -1)),
                            batchSize -> Dense.deviceMemory(batchSize, 4096, 4096)),
                    new LayerRow("drop2", "Dropout(0.5)", List.of(4096), 0L, 0L,
                            List.of(10), List.of(new TorchStep("drop2", 19, -1))),
                    new LayerRow("fc3", "Dense(10)", List.of(10), 40970L, 40960L,
                            List.of(11), List.of(new TorchStep("fc3", 20, -1)),
                            batchSize -> Dense.deviceMemory(batchSize, 4096, 10))),
            List.of(
                    new TensorInfo("conv1.weight", 0, "weight", List.of(96, 1, 11, 11)),
                    new TensorInfo("conv1.bias", 0, "bias", List.of(96)),
                    new TensorInfo("conv2.weight", 2, "weight", List.of(256, 96, 5, 5)),
                    new TensorInfo("conv2.bias", 2, "bias", List.of(256)),
                    new TensorInfo("conv3.weight", 4, "weight", List.of(384, 256, 3, 3)),
                    new TensorInfo("conv3.bias", 4, "bias", List.of(384)),
                    new TensorInfo("conv4.weight", 5, "weight", List.of(384, 384, 3, 3)),
                    new TensorInfo("conv4.bias", 5, "bias", List.of(384)),
                    new TensorInfo("conv5.weight", 6, "weight", List.of(256, 384, 3, 3)),
                    new TensorInfo("conv5.bias", 6, "bias", List.of(256)),
                    new TensorInfo("fc1.weight", 8, "weight", List.of(4096, 6400)),
                    new TensorInfo("fc1.bias", 8, "bias", List.of(4096)),
                    new TensorInfo("fc2.weight", 10, "weight", List.of(4096, 4096)),
                    new TensorInfo("fc2.bias", 10, "bias", List.of(4096)),
                    new TensorInfo("fc3.weight", 12, "weight", List.of(10, 4096)),
                    new TensorInfo("fc3.bias", 12, "bias", List.of(10))),
            List.of(),
            new MemoryPlan(345344L, List.of(
                    new MemoryPlan.Placement("conv1Out", 0L, 280064L, 0, 1),
                    new MemoryPlan.Placement("pool1Out", 280064L, 65024L, 1, 23),
                    new MemoryPlan.Placement("conv2Out", 0L, 173056L, 2, 3),
                    new MemoryPlan.Placement("pool2Out", 173056L, 36864L, 3, 21),
                    new MemoryPlan.Placement("conv3Out", 110592L, 55296L, 4, 21),
                    new MemoryPlan.Placement("conv4Out", 55296L, 55296L, 5, 20),
                    new MemoryPlan.Placement("conv5Out", 0L, 36864L, 6, 7),
                    new MemoryPlan.Placement("pool3Out", 36864L, 6400L, 7, 17),
                    new MemoryPlan.Placement("fc1Out", 10496L, 4096L, 8, 17),
                    new MemoryPlan.Placement("fc2Out", 4096L, 4096L, 10, 15),
                    new MemoryPlan.Placement("fc3Out", 345088L, 256L, 12, 25),
                    new MemoryPlan.Placement("ddrop2Out", 14592L, 4096L, 13, 15),
                    new MemoryPlan.Placement("ddrop1Out", 0L, 4096L, 15, 17),
                    new MemoryPlan.Placement("dpool3Out", 4096L, 6400L, 17, 18),
                    new MemoryPlan.Placement("dconv5Out", 10496L, 36864L, 18, 19),
                    new MemoryPlan.Placement("dconv4Out", 209920L, 55296L, 19, 20),
                    new MemoryPlan.Placement("dconv3Out", 0L, 55296L, 20, 21),
                    new MemoryPlan.Placement("dpool2Out", 55296L, 36864L, 21, 22),
                    new MemoryPlan.Placement("dconv2Out", 92160L, 173056L, 22, 23),
                    new MemoryPlan.Placement("dpool1Out", 0L, 65024L, 23, 24),
                    new MemoryPlan.Placement("dconv1Out", 65024L, 280064L, 24, 25)),
            List.of("drop1", "drop2")),
            "122a18fa45fc0f5c40de84dbb363b741556f2ff1a1e944bc1a57e25d578b9717",
            "Model: AlexNet, input (N, 1, 224, 224)\n"
                    + "Layer   Kind                          Output shape          Param #     Mult-adds\n"
                    + "=================================================================================\n"
                    + "conv1   Conv(96, k11, s4, p1, RELU)   (N, 96, 54, 54)        11,712    33,872,256\n"
                    + "pool1   MaxPool(k3, s2, p0)           (N, 96, 26, 26)             0             0\n"
                    + "conv2   Conv(256, k5, s1, p2, RELU)   (N, 256, 26, 26)      614,656   415,334,400\n"
                    + "pool2   MaxPool(k3, s2, p0)           (N, 256, 12, 12)            0             0\n"
                    + "conv3   Conv(384, k3, s1, p1, RELU)   (N, 384, 12, 12)      885,120   127,401,984\n"
                    + "conv4   Conv(384, k3, s1, p1, RELU)   (N, 384, 12, 12)    1,327,488   191,102,976\n"
                    + "conv5   Conv(256, k3, s1, p1, RELU)   (N, 256, 12, 12)      884,992   127,401,984\n"
                    + "pool3   MaxPool(k3, s2, p0)           (N, 256, 5, 5)              0             0\n"
                    + "fc1     Dense(4096, RELU)             (N, 4096)          26,218,496    26,214,400\n"
                    + "drop1   Dropout(0.5)                  (N, 4096)                   0             0\n"
                    + "fc2     Dense(4096, RELU)             (N, 4096)          16,781,312    16,777,216\n"
                    + "drop2   Dropout(0.5)                  (N, 4096)                   0             0\n"
                    + "fc3     Dense(10)                     (N, 10)                40,970        40,960\n"
                    + "=================================================================================\n"
                    + "Total params: 46,764,746\n"
                    + "Multiply-adds per example: 938,146,176 (0.94 G)\n"
                    + "Planned memory: parameters 187.1 MB, their gradients as much;\n"
                    + "  outputs and gradients 345,344 floats per example (88.4 MB at batch 64)\n");

    /**
     * Builds the model for a device and a batch size.
     */
    public static final ModelFactory FACTORY = AlexNetModel::new;

    private final Tensor memory;

    private final Scratch scratch;

    private final Tensor input;

    private final StridedConv2d conv1;

    private final Tensor conv1Out;

    private final MaxPool2d pool1;

    private final Tensor pool1Out;

    private final WinogradConv2d conv2;

    private final Tensor conv2Out;

    private final MaxPool2d pool2;

    private final Tensor pool2Out;

    private final WinogradConv2d conv3;

    private final Tensor conv3Out;

    private final WinogradConv2d conv4;

    private final Tensor conv4Out;

    private final WinogradConv2d conv5;

    private final Tensor conv5Out;

    private final MaxPool2d pool3;

    private final Tensor pool3Out;

    private final Dense fc1;

    private final Tensor fc1Out;

    private final Dropout drop1;

    private final Dense fc2;

    private final Tensor fc2Out;

    private final Dropout drop2;

    private final Dense fc3;

    private final Tensor fc3Out;

    private final Tensor ddrop2Out;

    private final Tensor ddrop1Out;

    private final Tensor dpool3Out;

    private final Tensor dconv5Out;

    private final Tensor dconv4Out;

    private final Tensor dconv3Out;

    private final Tensor dpool2Out;

    private final Tensor dconv2Out;

    private final Tensor dpool1Out;

    private final Tensor dconv1Out;

    public AlexNetModel(Device device, int batchSize) {
        super(device, INFO, batchSize);
        // Every output and gradient is a view of this block, placed by when each is live (see above).
        memory = own(new Tensor(device, batchSize, 345344)); // (N, 345,344)
        // What the ops use only inside one call, in one block as large as the largest op needs.
        scratch = own(new Scratch(device, MemoryEstimate.scratchFloats(INFO, batchSize)));
        input = own(new Tensor(device, batchSize, 1, 224, 224)); // (N, 1, 224, 224)
        conv1 = own(new StridedConv2d(device, "conv1", batchSize, 1, 224, 224, 96, 11, 4, 1, Activation.RELU, scratch));
        conv1Out = own(memory.view(0, batchSize, 96, 54, 54)); // (N, 96, 54, 54)
        pool1 = own(MaxPool2d.afterRelu(device, batchSize, 96, 54, 54, 3, 2, 0));
        pool1Out = own(memory.view(batchSize * 280064L, batchSize, 96, 26, 26)); // (N, 96, 26, 26)
        conv2 = own(new WinogradConv2d(device, "conv2", batchSize, 96, 26, 26, 256, 5, 1, 2, Activation.RELU, scratch));
        conv2Out = own(memory.view(0, batchSize, 256, 26, 26)); // (N, 256, 26, 26)
        pool2 = own(MaxPool2d.afterRelu(device, batchSize, 256, 26, 26, 3, 2, 0));
        pool2Out = own(memory.view(batchSize * 173056L, batchSize, 256, 12, 12)); // (N, 256, 12, 12)
        conv3 = own(new WinogradConv2d(device, "conv3", batchSize, 256, 12, 12, 384, 3, 1, 1, Activation.RELU, scratch));
        conv3Out = own(memory.view(batchSize * 110592L, batchSize, 384, 12, 12)); // (N, 384, 12, 12)
        conv4 = own(new WinogradConv2d(device, "conv4", batchSize, 384, 12, 12, 384, 3, 1, 1, Activation.RELU, scratch));
        conv4Out = own(memory.view(batchSize * 55296L, batchSize, 384, 12, 12)); // (N, 384, 12, 12)
        conv5 = own(new WinogradConv2d(device, "conv5", batchSize, 384, 12, 12, 256, 3, 1, 1, Activation.RELU, scratch));
        conv5Out = own(memory.view(0, batchSize, 256, 12, 12)); // (N, 256, 12, 12)
        pool3 = own(MaxPool2d.afterRelu(device, batchSize, 256, 12, 12, 3, 2, 0));
        pool3Out = own(memory.view(batchSize * 36864L, batchSize, 256, 5, 5)); // (N, 256, 5, 5)
        fc1 = own(new Dense(device, "fc1", batchSize, 6400, 4096, Activation.RELU, scratch));
        fc1Out = own(memory.view(batchSize * 10496L, batchSize, 4096)); // (N, 4096)
        drop1 = own(new Dropout(device, batchSize, 4096, 0.5f));
        // drop1 writes its output over its input, fc1Out.
        fc2 = own(new Dense(device, "fc2", batchSize, 4096, 4096, Activation.RELU, scratch));
        fc2Out = own(memory.view(batchSize * 4096L, batchSize, 4096)); // (N, 4096)
        drop2 = own(new Dropout(device, batchSize, 4096, 0.5f));
        // drop2 writes its output over its input, fc2Out.
        fc3 = own(new Dense(device, "fc3", batchSize, 4096, 10, Activation.NONE, scratch));
        fc3Out = own(memory.view(batchSize * 345088L, batchSize, 10)); // (N, 10)
        // The gradients between layers.
        ddrop2Out = own(memory.view(batchSize * 14592L, batchSize, 4096)); // (N, 4096)
        ddrop1Out = own(memory.view(0, batchSize, 4096)); // (N, 4096)
        dpool3Out = own(memory.view(batchSize * 4096L, batchSize, 256, 5, 5)); // (N, 256, 5, 5)
        dconv5Out = own(memory.view(batchSize * 10496L, batchSize, 256, 12, 12)); // (N, 256, 12, 12)
        dconv4Out = own(memory.view(batchSize * 209920L, batchSize, 384, 12, 12)); // (N, 384, 12, 12)
        dconv3Out = own(memory.view(0, batchSize, 384, 12, 12)); // (N, 384, 12, 12)
        dpool2Out = own(memory.view(batchSize * 55296L, batchSize, 256, 12, 12)); // (N, 256, 12, 12)
        dconv2Out = own(memory.view(batchSize * 92160L, batchSize, 256, 26, 26)); // (N, 256, 26, 26)
        dpool1Out = own(memory.view(0, batchSize, 96, 26, 26)); // (N, 96, 26, 26)
        dconv1Out = own(memory.view(batchSize * 65024L, batchSize, 96, 54, 54)); // (N, 96, 54, 54)
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
                conv3.parameters(),
                conv4.parameters(),
                conv5.parameters(),
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
        conv3.forward(conv3Out, pool2Out);
        after("conv3", false);
        conv4.forward(conv4Out, conv3Out);
        after("conv4", false);
        conv5.forward(conv5Out, conv4Out);
        after("conv5", false);
        pool3.forward(pool3Out, conv5Out);
        after("pool3", false);
        fc1.forward(fc1Out, pool3Out);
        after("fc1", false);
        drop1.forward(fc1Out, fc1Out, mode, dropoutKey(9));
        after("drop1", false);
        fc2.forward(fc2Out, fc1Out);
        after("fc2", false);
        drop2.forward(fc2Out, fc2Out, mode, dropoutKey(11));
        after("drop2", false);
        fc3.forward(fc3Out, fc2Out);
        after("fc3", false);
    }

    @Override
    public void backward(Tensor dLogits) {
        fc3.backward(ddrop2Out, dLogits, fc2Out, fc3Out);
        after("fc3", true);
        Tensor dfc2Out = ddrop2Out; // (N, 4096), written over in place
        drop2.backward(dfc2Out, ddrop2Out);
        after("drop2", true);
        fc2.backward(ddrop1Out, dfc2Out, fc1Out, fc2Out);
        after("fc2", true);
        Tensor dfc1Out = ddrop1Out; // (N, 4096), written over in place
        drop1.backward(dfc1Out, ddrop1Out);
        after("drop1", true);
        fc1.backward(dpool3Out, dfc1Out, pool3Out, fc1Out);
        after("fc1", true);
        pool3.backward(dconv5Out, dpool3Out);
        after("pool3", true);
        conv5.backward(dconv4Out, dconv5Out, conv4Out, null);
        after("conv5", true);
        conv4.backward(dconv3Out, dconv4Out, conv3Out, conv4Out);
        after("conv4", true);
        conv3.backward(dpool2Out, dconv3Out, pool2Out, conv3Out);
        after("conv3", true);
        pool2.backward(dconv2Out, dpool2Out);
        after("pool2", true);
        conv2.backward(dpool1Out, dconv2Out, pool1Out, null);
        after("conv2", true);
        pool1.backward(dconv1Out, dpool1Out);
        after("pool1", true);
        conv1.backward(null, dconv1Out, input, null);
        after("conv1", true);
    }
}
