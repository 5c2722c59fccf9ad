package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Buffers (a BatchNorm's running statistics) and its {@code num_batches_tracked} counter travel with the
 * parameters in weight files and checkpoints: a trained BatchNorm network loaded without them would normalise
 * with mean 0 and variance 1 and predict from the wrong statistics, and a resumed run would count its batches
 * from 0. The counter is an I64 scalar, as PyTorch's state_dict holds it, and loads from PyTorch's names too.
 */
class BuffersTest {
    @TestDevice private static Device device;

    @TempDir
    Path dir;

    @Test
    void aWeightFileKeepsTheRunningStatisticsAndTheBatchCounter() {
        Path file = dir.resolve("bn.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel loaded = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            List<float[]> parameters = saved.randomize(1);
            List<float[]> buffers = saved.randomizeState(2);
            WeightFiles.save(file, saved);
            TensorFile contents = SafetensorsReader.read(file);
            assertEquals(List.of("conv1.weight", "conv1.bias", "bn1.weight", "bn1.bias", "fc.weight", "fc.bias",
                    "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked"),
                    List.copyOf(contents.tensors().keySet()));
            HostTensor counter = contents.tensor("bn1.num_batches_tracked");
            assertEquals(DType.I64, counter.dtype(), "PyTorch's type");
            assertArrayEquals(new long[0], counter.shape(), "a scalar, as PyTorch stores it");
            WeightFiles.load(file, loaded);
            assertAllEqual(parameters, loaded.values());
            assertAllEqual(buffers, loaded.stateValues());
            assertEquals(1002, loaded.counters().get(0).get());
        }
    }

    @Test
    void aCheckpointKeepsTheRunningStatisticsAndTheBatchCounter() {
        Path file = dir.resolve("bn.ckpt");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel resumed = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            List<float[]> parameters = saved.randomize(3);
            List<float[]> buffers = saved.randomizeState(4);
            List<Tensor> velocities = new ArrayList<>();
            for (Parameter parameter : saved.parameters()) {
                velocities.add(parameter.value());
            }
            Checkpoint.save(file, saved, velocities, 1);
            assertTrue(!SafetensorsReader.read(file).tensors().containsKey("bn1.running_var.velocity"),
                    "buffers take no optimizer state");
            List<Tensor> restored = new ArrayList<>();
            for (Parameter parameter : resumed.parameters()) {
                restored.add(parameter.grad()); // any tensors of the right shapes
            }
            assertEquals(1, Checkpoint.load(file, resumed, restored));
            assertAllEqual(parameters, resumed.values());
            assertAllEqual(buffers, resumed.stateValues());
            assertEquals(1004, resumed.counters().get(0).get());
        }
    }

    @Test
    void aFileWithoutTheRunningStatisticsIsRefusedAndNothingLoaded() {
        Path file = dir.resolve("parameters-only.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel target = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            saved.randomize(5);
            SafetensorsWriter writer = new SafetensorsWriter();
            for (Parameter parameter : saved.parameters()) {
                writer.add(parameter.name(), HostTensor.ofFloats(parameter.value().download(),
                        HostTensor.shapeOf(parameter.shape())));
            }
            writer.writeTo(file);
            List<float[]> before = target.randomize(6);
            List<float[]> state = target.randomizeState(7);
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(file, target));
            assertTrue(e.getMessage().contains("(3 problems): missing bn1.running_mean [2]; missing bn1.running_var [2];"
                    + " missing bn1.num_batches_tracked []."), e.getMessage());
            assertAllEqual(before, target.values());
            assertAllEqual(state, target.stateValues());
            assertEquals(1007, target.counters().get(0).get());
        }
    }

    @Test
    void aPyTorchStateDictLoadsItsBuffersAndCounterByTheirPyTorchNames() {
        Path file = dir.resolve("torch.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.withBatchNorm(device, "Bn", "h");
             ParameterOnlyModel loaded = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            List<float[]> parameters = saved.randomize(7);
            List<float[]> buffers = saved.randomizeState(8);
            // As d2l's nn.Sequential(Conv2d, BatchNorm2d, ReLU, Linear).state_dict() names them.
            SafetensorsWriter writer = new SafetensorsWriter();
            String[] torchNames = {"0.weight", "0.bias", "1.weight", "1.bias", "3.weight", "3.bias"};
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
            assertAllEqual(buffers, loaded.stateValues());
            assertEquals(12, loaded.counters().get(0).get());
        }
    }

    @Test
    void aMistypedOrNegativeCounterIsRefusedAndNothingLoaded() {
        Path file = dir.resolve("bn.safetensors");
        try (ParameterOnlyModel model = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            model.randomize(1);
            WeightFiles.save(file, model);
        }
        TensorFile saved = SafetensorsReader.read(file);
        Path floatCounter = dir.resolve("float-counter.safetensors");
        Path negativeCounter = dir.resolve("negative-counter.safetensors");
        SafetensorsWriter floats = new SafetensorsWriter();
        SafetensorsWriter negative = new SafetensorsWriter();
        saved.tensors().forEach((name, tensor) -> {
            boolean counter = name.endsWith("num_batches_tracked");
            floats.add(name, counter ? HostTensor.ofFloats(new float[] {3f}) : tensor);
            negative.add(name, counter ? HostTensor.ofLongs(new long[] {-3}) : tensor);
        });
        floats.writeTo(floatCounter);
        negative.writeTo(negativeCounter);
        try (ParameterOnlyModel model = ParameterOnlyModel.withBatchNorm(device, "Bn", "h")) {
            List<float[]> before = model.randomizeState(5);
            String mistyped = assertThrows(WeightFileException.class,
                    () -> WeightFiles.load(floatCounter, model)).getMessage();
            assertTrue(mistyped.contains("(1 problem): bn1.num_batches_tracked is F32 where I64 is needed."), mistyped);
            String negativeCount = assertThrows(WeightFileException.class,
                    () -> WeightFiles.load(negativeCounter, model)).getMessage();
            assertTrue(negativeCount.contains("(1 problem): bn1.num_batches_tracked is -3, but it counts training steps"
                    + " and cannot be negative."), negativeCount);
            assertAllEqual(before, model.stateValues());
            assertEquals(1005, model.counters().get(0).get());
        }
    }

    private static void assertAllEqual(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0f, "tensor " + i);
        }
    }
}
