package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.Device;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buffers (a BatchNorm's running statistics) travel with the parameters in weight files and
 * checkpoints: a trained BatchNorm network loaded without them would normalise with mean 0 and
 * variance 1 and predict from the wrong statistics.
 */
class BuffersTest {
    private static Device device;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        device = Device.open();
    }

    @AfterAll
    static void close() {
        device.close();
    }

    @Test
    void aWeightFileKeepsTheRunningStatistics() {
        Path file = dir.resolve("bn.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel loaded = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            List<float[]> parameters = saved.randomize(1);
            List<float[]> buffers = saved.randomizeBuffers(2);
            WeightFiles.save(file, saved);
            assertEquals(List.of("conv1.weight", "conv1.bias", "bn.weight", "bn.bias", "bn.running_mean",
                    "bn.running_var"), List.copyOf(SafetensorsReader.read(file).tensors().keySet()));
            WeightFiles.load(file, loaded);
            assertAllEqual(parameters, loaded.values());
            assertAllEqual(buffers, loaded.bufferValues());
        }
    }

    @Test
    void aCheckpointKeepsTheRunningStatistics() {
        Path file = dir.resolve("bn.ckpt");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel resumed = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            saved.randomize(3);
            List<float[]> buffers = saved.randomizeBuffers(4);
            List<Tensor> velocities = new ArrayList<>();
            for (Parameter parameter : saved.parameters()) {
                velocities.add(parameter.value());
            }
            Checkpoint.save(file, saved, velocities, 1);
            List<Tensor> restored = new ArrayList<>();
            for (Parameter parameter : resumed.parameters()) {
                restored.add(parameter.grad()); // any tensors of the right shapes
            }
            assertEquals(1, Checkpoint.load(file, resumed, restored));
            assertAllEqual(buffers, resumed.bufferValues());
        }
    }

    @Test
    void aFileWithoutTheRunningStatisticsIsRefusedAndNothingLoaded() {
        Path file = dir.resolve("parameters-only.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel target = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            saved.randomize(5);
            SafetensorsWriter writer = new SafetensorsWriter();
            WeightFiles.addParameters(writer, saved.parameters());
            writer.writeTo(file);
            List<float[]> before = target.randomize(6);
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(file, target));
            assertTrue(e.getMessage().contains("missing bn.running_mean [2]; missing bn.running_var [2]"), e.getMessage());
            assertAllEqual(before, target.values());
        }
    }

    @Test
    void pyTorchsBatchCountersAreSkipped() {
        Path file = dir.resolve("torch.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel loaded = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            List<float[]> parameters = saved.randomize(7);
            List<float[]> buffers = saved.randomizeBuffers(8);
            // As nn.Sequential(Conv2d, BatchNorm2d).state_dict() names them, with the counter PyTorch adds.
            SafetensorsWriter writer = new SafetensorsWriter();
            String[] torchNames = {"0.weight", "0.bias", "1.weight", "1.bias"};
            for (int i = 0; i < torchNames.length; i++) {
                writer.add(torchNames[i], HostTensor.ofFloats(parameters.get(i), HostTensor.shapeOf(
                        saved.parameters().get(i).shape())));
            }
            writer.add("1.running_mean", HostTensor.ofFloats(buffers.get(0), 2));
            writer.add("1.running_var", HostTensor.ofFloats(buffers.get(1), 2));
            writer.add("1.num_batches_tracked", HostTensor.ofLongs(new long[] {12}));
            writer.writeTo(file);
            WeightFiles.load(file, loaded);
            assertAllEqual(parameters, loaded.values());
            assertAllEqual(buffers, loaded.bufferValues());
        }
    }

    private static void assertAllEqual(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0f, "tensor " + i);
        }
    }
}
