package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exporting a netc checkpoint under a PyTorch state_dict's names. The template is the state_dict of
 * d2l's LeNet as PyTorch wrote it (the committed fixture's {@code 0.weight} ... {@code 11.bias}), so the
 * names checked are PyTorch's own, not a guess at them.
 */
class StateDictExportTest {
    @TestDevice private static Device device;

    @TempDir
    Path dir;

    /** d2l's LeNet state_dict as PyTorch names it: the fixture's numbered parameters, nothing else. */
    private Path lenetTemplate() {
        TensorFile fixture = SafetensorsReader.read(SafetensorsTest.FIXTURE);
        SafetensorsWriter template = new SafetensorsWriter();
        StateDictExport.modelTensors(fixture).forEach((name, tensor) -> {
            if (name.matches("\\d+\\..+")) {
                template.add(name, tensor);
            }
        });
        Path file = dir.resolve("template.safetensors");
        template.writeTo(file);
        return file;
    }

    @Test
    void aCheckpointTakesPyTorchsNamesThroughTheNetworksPathsAndLoadsBackUnchanged() {
        Path checkpoint = dir.resolve("checkpoint.safetensors");
        Path exported = dir.resolve("lenet-pytorch.safetensors");
        List<float[]> trained;
        try (ParameterOnlyModel lenet = ParameterOnlyModel.lenet(device)) {
            trained = lenet.randomize(3);
            List<Tensor> velocities = new ArrayList<>();
            for (Parameter parameter : lenet.parameters()) {
                velocities.add(parameter.value()); // any tensors of the right shapes
            }
            Checkpoint.save(checkpoint, lenet, velocities, 2);
        }
        StateDictExport.write(SafetensorsReader.read(checkpoint), ParameterOnlyModel.lenetInfo(),
                SafetensorsReader.read(lenetTemplate()), exported);

        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias", "9.weight", "9.bias",
                "11.weight", "11.bias"), List.copyOf(written.tensors().keySet()));
        assertEquals("pt", written.metadata("format"));
        String[] netcNames = {"conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"};
        List<String> torchNames = List.copyOf(written.tensors().keySet());
        for (int i = 0; i < netcNames.length; i++) {
            assertArrayEquals(trained.get(i), written.tensor(torchNames.get(i)).floats(), 0f, netcNames[i]);
        }
        // No optimizer state: load_state_dict(strict=True) would refuse it.
        assertFalse(written.tensors().keySet().stream().anyMatch(name -> name.endsWith("velocity")));

        try (ParameterOnlyModel reloaded = ParameterOnlyModel.lenet(device)) {
            WeightFiles.load(exported, reloaded);
            for (int i = 0; i < trained.size(); i++) {
                assertArrayEquals(trained.get(i), reloaded.values().get(i), 0f, netcNames[i]);
            }
        }
    }

    /**
     * A BatchNorm network's checkpoint: its running statistics and {@code num_batches_tracked} (I64) go out under
     * d2l's names (the BatchNorm at slot 1), in the template's order, and load back.
     */
    @Test
    void buffersAndTheBatchCounterAreExportedUnderPyTorchsNames() {
        Path checkpoint = dir.resolve("bn-checkpoint.safetensors");
        Path template = dir.resolve("bn-template.safetensors");
        Path exported = dir.resolve("bn-pytorch.safetensors");
        List<float[]> state;
        List<float[]> trained;
        try (ParameterOnlyModel model = ParameterOnlyModel.withBatchNorm(device, "TinyBN", "bn-hash")) {
            trained = model.randomize(6);
            state = model.randomizeState(7);
            List<Tensor> velocities = new ArrayList<>();
            for (Parameter parameter : model.parameters()) {
                velocities.add(parameter.value());
            }
            Checkpoint.save(checkpoint, model, velocities, 1);
        }
        new SafetensorsWriter()
                .add("0.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("0.bias", HostTensor.ofFloats(new float[2], 2))
                .add("1.weight", HostTensor.ofFloats(new float[2], 2))
                .add("1.bias", HostTensor.ofFloats(new float[2], 2))
                .add("1.running_mean", HostTensor.ofFloats(new float[2], 2))
                .add("1.running_var", HostTensor.ofFloats(new float[2], 2))
                .add("1.num_batches_tracked", HostTensor.ofLongs(new long[] {0}))
                .add("3.weight", HostTensor.ofFloats(new float[24], 3, 8))
                .add("3.bias", HostTensor.ofFloats(new float[3], 3))
                .writeTo(template);
        StateDictExport.write(SafetensorsReader.read(checkpoint),
                ParameterOnlyModel.withBatchNormInfo("TinyBN", "bn-hash"), SafetensorsReader.read(template), exported);

        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var",
                "1.num_batches_tracked", "3.weight", "3.bias"), List.copyOf(written.tensors().keySet()));
        assertArrayEquals(trained.get(2), written.tensor("1.weight").floats(), 0f);
        assertArrayEquals(state.get(0), written.tensor("1.running_mean").floats(), 0f);
        assertArrayEquals(state.get(1), written.tensor("1.running_var").floats(), 0f);
        assertArrayEquals(new long[] {1007}, written.tensor("1.num_batches_tracked").longs());
        try (ParameterOnlyModel reloaded = ParameterOnlyModel.withBatchNorm(device, "TinyBN", "bn-hash")) {
            WeightFiles.load(exported, reloaded);
            assertArrayEquals(state.get(1), reloaded.stateValues().get(1), 0f);
            assertEquals(1007, reloaded.counters().get(0).get());
        }
    }

    @Test
    void aTemplateInTheNetworksOwnNamesKeepsThem() {
        Path weights = dir.resolve("weights.safetensors");
        Path template = dir.resolve("own-names.safetensors");
        Path exported = dir.resolve("exported.safetensors");
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            tiny.randomize(4);
            WeightFiles.save(weights, tiny);
            // A PyTorch module whose attributes are named as the netc fields; its layers in another order.
            SafetensorsWriter own = new SafetensorsWriter();
            own.add("fc.weight", HostTensor.ofFloats(new float[24], 3, 8));
            own.add("fc.bias", HostTensor.ofFloats(new float[3], 3));
            own.add("conv1.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3));
            own.add("conv1.bias", HostTensor.ofFloats(new float[2], 2));
            own.writeTo(template);
        }
        StateDictExport.write(SafetensorsReader.read(weights), tinyInfo(), SafetensorsReader.read(template), exported);
        TensorFile written = SafetensorsReader.read(exported);
        TensorFile saved = SafetensorsReader.read(weights);
        assertEquals(List.of("fc.weight", "fc.bias", "conv1.weight", "conv1.bias"), List.copyOf(written.tensors().keySet()));
        for (String name : written.tensors().keySet()) {
            assertArrayEquals(saved.tensor(name).floats(), written.tensor(name).floats(), 0f, name);
        }
    }

    @Test
    void aTemplateThatDoesNotFitIsRefusedListingEveryProblemAndNothingIsWritten() throws Exception {
        Path weights = dir.resolve("weights.safetensors");
        Path exported = dir.resolve("never.safetensors");
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFiles.save(weights, tiny);
        }
        WeightFileException e = assertThrows(WeightFileException.class, () -> StateDictExport.write(
                SafetensorsReader.read(weights), tinyInfo(), SafetensorsReader.read(lenetTemplate()), exported));
        String message = e.getMessage();
        assertTrue(message.startsWith("The template " + dir.resolve("template.safetensors") + " does not fit Tiny's"
                + " tensors in " + weights), message);
        assertTrue(message.contains("0.weight (conv1.weight) is [6, 1, 5, 5] in the template but [2, 1, 3, 3] in the"
                + " file"), message);
        assertTrue(message.contains("7.weight [120, 400] has no tensor in the file"), message);
        assertTrue(message.endsWith("; save the template from the PyTorch module that mirrors Tiny, its layers in the"
                + " same order."), message);
        assertFalse(Files.exists(exported));
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefused() {
        Path weights = dir.resolve("other.safetensors");
        try (ParameterOnlyModel other = ParameterOnlyModel.tiny(device, "Other", "other-hash")) {
            WeightFiles.save(weights, other);
        }
        WeightFileException e = assertThrows(WeightFileException.class, () -> StateDictExport.write(
                SafetensorsReader.read(weights), tinyInfo(), SafetensorsReader.read(lenetTemplate()),
                dir.resolve("x.safetensors")));
        assertTrue(e.getMessage().contains("was saved from network Other"), e.getMessage());
    }

    @Test
    void optimizerStateIsToldApartFromTheModelsTensors() {
        TensorFile file = new TensorFile(dir, Map.of(
                "conv1.weight", HostTensor.ofFloats(new float[1], 1),
                "conv1.weight.velocity", HostTensor.ofFloats(new float[1], 1),
                "conv1.weight.exp_avg_sq", HostTensor.ofFloats(new float[1], 1),
                "bn.running_mean", HostTensor.ofFloats(new float[1], 1)), Map.of());
        assertEquals(java.util.Set.of("conv1.weight", "bn.running_mean"), StateDictExport.modelTensors(file).keySet());
    }

    private static netc.runtime.model.NetworkInfo tinyInfo() {
        return ParameterOnlyModel.tinyInfo("Tiny", "h");
    }
}
