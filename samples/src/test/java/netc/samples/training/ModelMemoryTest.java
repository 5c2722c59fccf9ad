package netc.samples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Sgd;
import netc.train.Evaluator;
import netc.samples.AlexNetModel;
import netc.samples.DenseNetModel;
import netc.samples.GoogLeNetModel;
import netc.samples.GraphGradientNetModel;
import netc.samples.LeNetBNModel;
import netc.samples.LeNetModel;
import netc.samples.LeNetReluModel;
import netc.samples.ResNet18Model;
import org.junit.jupiter.api.Test;

/**
 * The memory estimate, the sum of what each row of {@code INFO} says its op allocates, against what generated
 * models really allocate (every device buffer is counted by {@link Device#allocatedBytes()}).
 *
 * <p>Exactly, on any device: the one term that depends on the device, GEMM packing, lives in the scratch block
 * the model sizes by the estimate itself (its largest need over every register-block tuning), and every other
 * buffer is one its op's {@code deviceMemory} counts.
 */
class ModelMemoryTest {
    private static final int IMAGE_BYTES = 28 * 28;

    // Batch sizes other tests use too, so that the kernels the driver built for them are reused.
    @Test
    void sigmoidLeNet() {
        assertModelAllocatesItsEstimate(LeNetModel.FACTORY, LeNetModel.INFO, 32);
    }

    @Test
    void reluLeNet() {
        assertModelAllocatesItsEstimate(LeNetReluModel.FACTORY, LeNetReluModel.INFO, 16);
    }

    @Test
    void dropoutNet() {
        assertModelAllocatesItsEstimate(DropoutNetModel.FACTORY, DropoutNetModel.INFO, 16);
    }

    /** 47 M parameters: the dense layers' weights and their GEMMs' packed copies dominate at batch 2. */
    @Test
    void alexNet() {
        assertModelAllocatesItsEstimate(AlexNetModel.FACTORY, AlexNetModel.INFO, 2);
    }

    /** BatchNorm's own buffers, standalone activations and a flatten without a tensor of its own. */
    @Test
    void batchNormLeNet() {
        assertModelAllocatesItsEstimate(LeNetBNModel.FACTORY, LeNetBNModel.INFO, 16);
    }

    /** Concatenations, and the three workspaces its gradients' live ranges take. */
    @Test
    void denseNet() {
        assertModelAllocatesItsEstimate(DenseNetModel.FACTORY, DenseNetModel.INFO, 2);
    }

    /**
     * A 7 x 7 strided stem, Winograd and im2col convolutions, batch norms with fused ReLUs, residual sums and a
     * global pool.
     */
    @Test
    void resNet18() {
        assertModelAllocatesItsEstimate(ResNet18Model.FACTORY, ResNet18Model.INFO, 1);
    }

    /** Inception's four branches, concatenated; 1 x 1 convolutions and max pools in branches. */
    @Test
    void googLeNet() {
        assertModelAllocatesItsEstimate(GoogLeNetModel.FACTORY, GoogLeNetModel.INFO, 1);
    }

    /** Residual sums with identity and projected shortcuts, branches, the arithmetic that adds gradients. */
    @Test
    void graphGradientNet() {
        assertModelAllocatesItsEstimate(GraphGradientNetModel.FACTORY, GraphGradientNetModel.INFO, 3);
    }

    /** A model that only predicts never holds its parameters' gradients; the first backward pass makes them. */
    @Test
    void theGradientsComeWithTheFirstBackwardPass() {
        int batch = 32;
        NetworkInfo info = LeNetModel.INFO;
        try (Device device = Device.open()) {
            long before = device.allocatedBytes();
            try (CompiledModel model = LeNetModel.FACTORY.create(device, batch);
                 Tensor dLogits = new Tensor(device, batch, info.outputs())) {
                long dLogitsBytes = 4L * batch * info.outputs();
                model.forward(Mode.EVAL);
                assertEstimateMatches(MemoryEstimate.model(info, batch),
                        new DeviceMemory(device.allocatedBytes() - before - dLogitsBytes, device.largestAllocationBytes()),
                        "after a forward pass");
                model.forward(Mode.TRAIN);
                model.backward(dLogits);
                assertEstimateMatches(MemoryEstimate.trainingStep(info, batch),
                        new DeviceMemory(device.allocatedBytes() - before - dLogitsBytes, device.largestAllocationBytes()),
                        "after a backward pass");
            }
        }
    }

    /**
     * Training adds the parameters' gradients (made by the first backward pass), SGD's velocities and a training
     * and a test pass (each: labels, loss rows, dLogits, pixels).
     */
    @Test
    void trainingWithMomentumAllocatesItsEstimate() {
        int batch = 16;
        NetworkInfo info = DropoutNetModel.INFO;
        ImageDataset data = ImageDatasets.arrays("tiny", new byte[3][IMAGE_BYTES], new int[] {0, 1, 9}, 1, 28, 28);
        try (Device device = Device.open()) {
            List<AutoCloseable> built = new ArrayList<>();
            try {
                CompiledModel model = DropoutNetModel.FACTORY.create(device, batch);
                built.add(model);
                model.parameters().forEach(Parameter::grad); // as the first backward pass does
                built.add(new Sgd(device, model.parameters(), 0.1f, 0.9f, 0f));
                built.add(new Evaluator(model, data)); // the training loop's buffers are the same as an evaluator's
                built.add(new Evaluator(model, data));
                assertEstimateMatches(MemoryEstimate.training(info, batch, IMAGE_BYTES),
                        new DeviceMemory(device.allocatedBytes(), device.largestAllocationBytes()), info.name());
            } finally {
                closeAll(built);
            }
        }
    }

    private static void assertModelAllocatesItsEstimate(ModelFactory factory, NetworkInfo info, int batch) {
        try (Device device = Device.open()) {
            long before = device.allocatedBytes();
            DeviceMemory actual;
            try (CompiledModel model = factory.create(device, batch)) {
                actual = new DeviceMemory(device.allocatedBytes() - before, device.largestAllocationBytes());
            }
            assertEstimateMatches(MemoryEstimate.model(info, batch), actual, info.name() + " at batch " + batch);
        }
    }

    private static void assertEstimateMatches(DeviceMemory estimate, DeviceMemory actual, String what) {
        System.out.printf("%s: estimated %d bytes (largest %d), allocated %d (largest %d)%n", what, estimate.bytes(),
                estimate.largestBufferBytes(), actual.bytes(), actual.largestBufferBytes());
        assertEquals(actual.bytes(), estimate.bytes(), what + ": all buffers");
        assertEquals(actual.largestBufferBytes(), estimate.largestBufferBytes(), what + ": the largest buffer");
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
