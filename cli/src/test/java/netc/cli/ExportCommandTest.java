package netc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.io.Checkpoint;
import netc.runtime.io.DataDescription;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.SafetensorsWriter;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Parameter;
import netc.samples.Fixtures;
import netc.samples.LeNetBNModel;
import netc.samples.LeNetModel;
import netc.train.XavierInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netc export LeNet}: a training checkpoint as PyTorch's d2l LeNet state_dict (names from the
 * fixture PyTorch wrote) and under LeNet's own names, each loading back into LeNet unchanged.
 */
class ExportCommandTest {
    @TempDir
    static Path dir;
    private static Path checkpoint;
    private static List<float[]> trained;

    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void saveACheckpoint() {
        checkpoint = dir.resolve("checkpoint.safetensors");
        try (Device device = Device.open(); CompiledModel lenet = LeNetModel.FACTORY.create(device, 1)) {
            XavierInit.apply(lenet.parameters(), 9);
            trained = lenet.parameters().stream().map(p -> p.value().download()).toList();
            Checkpoint.save(checkpoint, lenet, lenet.parameters().stream().map(Parameter::value).toList(), 4,
                    DataDescription.of(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
        }
    }

    @Test
    void takesTheNamesOfD2lsLeNetStateDict() {
        Path template = dir.resolve("template.safetensors");
        TensorFile fixture = SafetensorsReader.read(Fixtures.file(Fixtures.LENET));
        SafetensorsWriter parameters = new SafetensorsWriter();
        fixture.tensors().forEach((name, tensor) -> {
            if (name.matches("\\d+\\.(weight|bias)")) {
                parameters.add(name, tensor);
            }
        });
        parameters.writeTo(template);
        Path exported = dir.resolve("lenet-d2l.safetensors");

        Outcome outcome = netc("export", "LeNet", "--checkpoint", checkpoint.toString(), "--names-from",
                template.toString(), "-o", exported.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("wrote " + exported, outcome.out().strip());
        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.copyOf(SafetensorsReader.read(template).tensors().keySet()),
                List.copyOf(written.tensors().keySet()));
        assertLoadsBackUnchanged(exported);
    }

    @Test
    void withoutATemplateKeepsLeNetsOwnNamesAndDropsTheOptimizerState() {
        Path exported = dir.resolve("lenet-own.safetensors");
        Outcome outcome = netc("export", "LeNet", "--weights", checkpoint.toString(), "--output", exported.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"), List.copyOf(written.tensors().keySet()));
        assertEquals("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]",
                written.metadata(DataDescription.CLASS_NAMES));
        assertLoadsBackUnchanged(exported);
    }

    @Test
    void aTemplateOfAnotherNetworkIsOneSentence() {
        Path template = dir.resolve("tiny-template.safetensors");
        new SafetensorsWriter().add("0.weight", netc.runtime.io.HostTensor.ofFloats(new float[4], 2, 2)).writeTo(template);
        Outcome outcome = netc("export", "LeNet", "--checkpoint", checkpoint.toString(), "--names-from",
                template.toString(), "-o", dir.resolve("never.safetensors").toString());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("netc: The template " + template + " does not fit LeNet's tensors"),
                outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    private static void assertLoadsBackUnchanged(Path exported) {
        try (Device device = Device.open(); CompiledModel lenet = LeNetModel.FACTORY.create(device, 1)) {
            WeightFiles.load(exported, lenet);
            for (int i = 0; i < trained.size(); i++) {
                assertArrayEquals(trained.get(i), lenet.parameters().get(i).value().download(), 0f,
                        lenet.parameters().get(i).name());
            }
        }
    }

    /**
     * d2l's BatchNorm LeNet as PyTorch wrote its state_dict (the fixture's names, with the running statistics and
     * num_batches_tracked = 1 it recorded after the step): loaded by PyTorch's names, saved under netc's, and
     * exported with that state_dict as the template, it comes back byte for byte, the I64 counters included.
     */
    @Test
    void aBatchNormNetworksStateDictComesBackUnderPyTorchsNames() {
        TensorFile fixture = SafetensorsReader.read(Fixtures.file(Fixtures.LENET_BN));
        Path stateDict = dir.resolve("lenet-bn-state-dict.safetensors");
        SafetensorsWriter writer = new SafetensorsWriter();
        fixture.tensors().forEach((name, tensor) -> {
            if (name.matches("\\d+\\.(weight|bias|running_mean|running_var|num_batches_tracked)")) {
                writer.add(name, fixture.tensors().getOrDefault(name + ".after_step", tensor));
            }
        });
        writer.writeTo(stateDict);
        Path weights = dir.resolve("lenet-bn-netc.safetensors");
        try (Device device = Device.open(); CompiledModel lenet = LeNetBNModel.FACTORY.create(device, 2)) {
            WeightFiles.load(stateDict, lenet);
            assertEquals(1, lenet.counters().get(0).get(), "num_batches_tracked loaded by its PyTorch name");
            WeightFiles.save(weights, lenet);
        }
        Path exported = dir.resolve("lenet-bn-exported.safetensors");

        Outcome outcome = netc("export", "LeNetBN", "--weights", weights.toString(), "--names-from",
                stateDict.toString(), "--output", exported.toString());

        assertEquals(0, outcome.exitCode(), outcome.err());
        TensorFile expected = SafetensorsReader.read(stateDict);
        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.copyOf(expected.tensors().keySet()), List.copyOf(written.tensors().keySet()));
        assertEquals(30, written.tensors().size(), "18 parameters, 8 running statistics, 4 counters");
        expected.tensors().forEach((name, tensor) -> {
            assertEquals(tensor.dtype(), written.tensor(name).dtype(), name);
            assertEquals(tensor.bytes(), written.tensor(name).bytes(), name);
        });
    }
}
