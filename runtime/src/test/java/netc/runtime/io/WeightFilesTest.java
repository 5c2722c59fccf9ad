package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightFilesTest {
    /** d2l's LeNet's slots of its layers with parameters, as its INFO records them. */
    private static final List<String> SEQUENTIAL = List.of("0", "3", "7", "9", "11");
    @TestDevice private static Device device;

    @TempDir
    Path dir;

    private static void assertValues(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0f, "parameter " + i);
        }
    }

    @Test
    void roundTripsByOwnNames() {
        Path file = dir.resolve("tiny.safetensors");
        try (ParameterOnlyModel saved = ParameterOnlyModel.tiny(device, "Tiny", "h1");
             ParameterOnlyModel loaded = ParameterOnlyModel.tiny(device, "Tiny", "h1")) {
            List<float[]> values = saved.randomize(1);
            WeightFiles.save(file, saved);
            WeightFiles.load(file, loaded);
            assertValues(values, loaded.values());
            TensorFile contents = SafetensorsReader.read(file);
            assertEquals(List.of("conv1.weight", "conv1.bias", "fc.weight", "fc.bias"),
                    List.copyOf(contents.tensors().keySet()));
            assertEquals("Tiny", contents.metadata("network"));
        }
    }

    /** PyTorch's numbered names map through each layer's slot, as the compiled LeNet's INFO gives them. */
    @Test
    void loadsAPyTorchStateDictThroughTheNetworksPyTorchPaths() {
        TensorFile fixture = SafetensorsReader.read(SafetensorsTest.FIXTURE);
        try (ParameterOnlyModel lenet = ParameterOnlyModel.lenet(device)) {
            WeightFiles.load(SafetensorsTest.FIXTURE, lenet, ExtraTensors.IGNORE);
            List<Parameter> parameters = lenet.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                String fileName = SEQUENTIAL.get(i / 2) + (i % 2 == 0 ? ".weight" : ".bias");
                assertArrayEquals(fixture.tensor(fileName).floats(), parameters.get(i).value().download(), 0f,
                        parameters.get(i) + " from " + fileName);
            }
        }
    }

    @Test
    void extrasAreListedUnlessIgnoredAndNothingIsLoaded() {
        try (ParameterOnlyModel lenet = ParameterOnlyModel.lenet(device)) {
            List<float[]> before = lenet.randomize(2);
            WeightFileException e = assertThrows(WeightFileException.class,
                    () -> WeightFiles.load(SafetensorsTest.FIXTURE, lenet));
            String message = e.getMessage();
            assertTrue(message.contains(SafetensorsTest.FIXTURE.toString()), message);
            assertTrue(message.contains("(read as a PyTorch state_dict, its names mapped through LeNet's PyTorch paths)"),
                    message);
            for (String extra : List.of("extra input F32[8, 1, 28, 28]", "extra labels I64[8]", "extra logits",
                    "extra loss F32[]", "extra 0.weight.grad", "extra 11.bias.after_sgd")) {
                assertTrue(message.contains(extra), extra + " in: " + message);
            }
            assertTrue(message.contains("(24 problems)"), message);
            assertValues(before, lenet.values());
        }
    }

    @Test
    void everyMissingExtraMistypedAndMisshapenTensorIsInOneError() {
        Path file = dir.resolve("wrong.safetensors");
        new SafetensorsWriter()
                .add("conv1.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("conv1.bias", HostTensor.ofInts(new int[2], 2))
                .add("fc.weight", HostTensor.ofFloats(new float[24], 8, 3))
                .add("fc.scale", HostTensor.ofFloats(new float[3], 3))
                .writeTo(file);
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            List<float[]> before = tiny.randomize(3);
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(file, tiny));
            String message = e.getMessage();
            assertTrue(message.startsWith("Weight file " + file + " does not fit network Tiny (4 problems): "), message);
            assertTrue(message.contains("conv1.bias is I32 where F32 is needed"), message);
            assertTrue(message.contains("fc.weight has shape [8, 3] where the model needs [3, 8]"), message);
            assertTrue(message.contains("missing fc.bias [3]"), message);
            assertTrue(message.contains("extra fc.scale F32[3]"), message);
            // conv1.weight fitted, but nothing may be loaded while anything else is wrong.
            assertValues(before, tiny.values());
        }
    }

    @Test
    void aSequentialFileWithTooFewLayersNamesTheMissingOnes() {
        Path file = dir.resolve("short.safetensors");
        new SafetensorsWriter()
                .add("0.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("0.bias", HostTensor.ofFloats(new float[2], 2))
                .writeTo(file);
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(file, tiny));
            assertTrue(e.getMessage().contains("missing fc.weight [3, 8]; missing fc.bias [3]"), e.getMessage());
        }
    }

    @Test
    void numberedNamesMapByTheLayersSlotsNotByTheirOrder() {
        // Tiny's conv1 takes slot 0 (and its activation slot 1), fc slot 2.
        Path file = dir.resolve("slots.safetensors");
        float[] fc = new float[24];
        fc[0] = 7f;
        new SafetensorsWriter()
                .add("2.weight", HostTensor.ofFloats(fc, 3, 8))
                .add("2.bias", HostTensor.ofFloats(new float[3], 3))
                .add("0.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("0.bias", HostTensor.ofFloats(new float[2], 2))
                .writeTo(file);
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFiles.load(file, tiny);
            assertEquals(7f, tiny.values().get(2)[0]);
        }
        // The second layer with parameters at index 3: the order would take it, the slots do not.
        Path shifted = dir.resolve("shifted.safetensors");
        new SafetensorsWriter()
                .add("0.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("0.bias", HostTensor.ofFloats(new float[2], 2))
                .add("3.weight", HostTensor.ofFloats(fc, 3, 8))
                .add("3.bias", HostTensor.ofFloats(new float[3], 3))
                .writeTo(shifted);
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(shifted, tiny));
            assertTrue(e.getMessage().contains("missing fc.weight [3, 8]; missing fc.bias [3]; extra 3.weight F32[3, 8];"
                    + " extra 3.bias F32[3]"), e.getMessage());
        }
    }

    @Test
    void twoNamesOfOneTensorAreRefused() {
        Path file = dir.resolve("twice.safetensors");
        new SafetensorsWriter()
                .add("conv1.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("0.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("conv1.bias", HostTensor.ofFloats(new float[2], 2))
                .add("fc.weight", HostTensor.ofFloats(new float[24], 3, 8))
                .add("fc.bias", HostTensor.ofFloats(new float[3], 3))
                .writeTo(file);
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(file, tiny));
            assertTrue(e.getMessage().contains("(1 problem): conv1.weight and 0.weight both name conv1.weight."),
                    e.getMessage());
        }
    }

    // ---- a netc file must come from the model's network ----

    @Test
    void aNetcFileOfAnotherNetworkWithTheSameShapesIsRefusedNamingBoth() {
        // Same parameter names and shapes (as LeNet with sigmoid and with ReLU have), different networks.
        Path file = dir.resolve("relu.safetensors");
        try (ParameterOnlyModel relu = ParameterOnlyModel.tiny(device, "LeNetRelu", "0123456789abcdef0123");
             ParameterOnlyModel sigmoid = ParameterOnlyModel.tiny(device, "LeNet", "fedcba9876543210fedc")) {
            relu.randomize(4);
            WeightFiles.save(file, relu);
            List<float[]> before = sigmoid.randomize(5);
            WeightFileException e = assertThrows(WeightFileException.class, () -> WeightFiles.load(file, sigmoid));
            assertEquals("Weight file " + file + " was saved from network LeNetRelu (shape hash 0123456789ab…) but"
                    + " this model is LeNet (shape hash fedcba987654…); load it into the network that wrote it, or use"
                    + " weights saved from LeNet.", e.getMessage());
            assertValues(before, sigmoid.values());
        }
    }

    @Test
    void aNetworkWhoseLayersChangedSinceSavingIsToldSo() {
        Path file = dir.resolve("old.safetensors");
        try (ParameterOnlyModel old = ParameterOnlyModel.tiny(device, "Tiny", "hash-before");
             ParameterOnlyModel edited = ParameterOnlyModel.tiny(device, "Tiny", "hash-after")) {
            WeightFiles.save(file, old);
            WeightFileException e = assertThrows(WeightFileException.class,
                    () -> WeightFiles.load(file, edited, ExtraTensors.IGNORE));
            assertTrue(e.getMessage().contains("network Tiny (shape hash hash-before) but this model is Tiny (shape hash"
                    + " hash-after); Tiny's layers have changed since the file was written;"), e.getMessage());
        }
    }

    @Test
    void aFileWithoutNetcMetadataIsMatchedByNamesAndShapesAlone() {
        // What PyTorch's safetensors.torch.save_file writes: tensors, and no shape hash to compare.
        Path file = dir.resolve("foreign.safetensors");
        float[] fcBias = {1f, 2f, 3f};
        new SafetensorsWriter()
                .metadata("producer", "someone else")
                .add("conv1.weight", HostTensor.ofFloats(new float[18], 2, 1, 3, 3))
                .add("conv1.bias", HostTensor.ofFloats(new float[2], 2))
                .add("fc.weight", HostTensor.ofFloats(new float[24], 3, 8))
                .add("fc.bias", HostTensor.ofFloats(fcBias, 3))
                .writeTo(file);
        try (ParameterOnlyModel tiny = ParameterOnlyModel.tiny(device, "Tiny", "any-hash")) {
            WeightFiles.load(file, tiny);
            assertArrayEquals(fcBias, tiny.values().get(3), 0f);
        }
    }
}
