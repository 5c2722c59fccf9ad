package netc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import netc.runtime.cl.Device;
import netc.runtime.io.Checkpoint;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.Parameter;
import netc.samples.Fixtures;
import netc.samples.LeNetModel;
import netc.samples.LeNetReluModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netc eval} refuses weights it cannot trust before it loads data or opens a device for the
 * model: every test points {@code --data-dir} at a folder that does not exist, so an eval that got past
 * the weights would fail on the data instead, and the refusal must come first.
 */
class EvalCommandTest {
    @TempDir
    Path directory;

    /** One run's exit code and what it printed. */
    private record Outcome(int exitCode, String out, String err) {}

    private Outcome eval(String network, Path weights, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[5 + more.length];
        args[0] = "eval";
        args[1] = network;
        args[2] = "--weights=" + weights;
        args[3] = "--data-dir";
        args[4] = directory.resolve("no-data").toString();
        System.arraycopy(more, 0, args, 5, more.length);
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @TempDir
    static Path saved;
    /** netc's files for LeNet and LeNetRelu, as training would leave them; built once, models are slow to build. */
    private static Path reluCheckpoint;
    private static Path lenetCheckpoint;
    private static Path lenetWeights;

    @BeforeAll
    static void saveFiles() {
        try (Device device = Device.open()) {
            reluCheckpoint = checkpointOf(device, LeNetReluModel.FACTORY, "relu.checkpoint.safetensors");
            lenetCheckpoint = checkpointOf(device, LeNetModel.FACTORY, "lenet.checkpoint.safetensors");
            lenetWeights = saved.resolve("lenet.safetensors");
            try (CompiledModel model = LeNetModel.FACTORY.create(device, 1)) {
                WeightFiles.save(lenetWeights, model);
            }
        }
    }

    private static Path checkpointOf(Device device, ModelFactory factory, String name) {
        Path file = saved.resolve(name);
        try (CompiledModel model = factory.create(device, 1)) {
            // Any tensors of the parameters' shapes do as velocities here: the parameters themselves.
            Checkpoint.save(file, model, model.parameters().stream().map(Parameter::value).toList(), 1);
        }
        return file;
    }

    @Test
    void aCheckpointOfAnotherNetworkWithTheSameShapesIsRefusedNamingBoth() {
        // LeNetRelu differs from LeNet only in activations and pooling: every parameter name and shape is the same.
        Path relu = reluCheckpoint;
        Outcome outcome = eval("LeNet", relu);
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.out());
        String expected = "netc: Weight file " + relu + " was saved from network LeNetRelu (shape hash "
                + LeNetReluModel.INFO.shapeHash().substring(0, 12) + "…) but this model is LeNet (shape hash "
                + LeNetModel.INFO.shapeHash().substring(0, 12) + "…); load it into the network that wrote it, or use"
                + " weights saved from LeNet.";
        assertEquals(expected, outcome.err().strip());
    }

    @Test
    void aWeightFileOfAnotherNetworkIsRefusedToo() {
        Outcome outcome = eval("netc.samples.LeNetRelu", lenetWeights);
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("was saved from network LeNet (shape hash")
                && outcome.err().contains("but this model is LeNetRelu"), outcome.err());
    }

    @Test
    void weightsOfTheSameNetworkAndPyTorchStateDictsGetPastTheWeights() {
        // Both reach the data, which is missing here: the weights themselves were accepted.
        Outcome own = eval("LeNet", lenetCheckpoint);
        Outcome pytorch = eval("LeNet", Fixtures.file(Fixtures.LENET), "--allow-extra");
        for (Outcome outcome : new Outcome[] {own, pytorch}) {
            assertEquals(1, outcome.exitCode(), outcome.err());
            assertTrue(outcome.err().contains("Fashion-MNIST directory " + directory.resolve("no-data")
                    + " does not exist"), outcome.err());
        }
    }

    // Root passes every permission check, so there a denial cannot be staged: these tests check that chmod
    // took effect and skip only in that case.

    @Test
    void anUnreadableWeightFileSaysPermissionDeniedNotMissing() throws Exception {
        Path file = Files.copy(lenetWeights, directory.resolve("locked.safetensors"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: chmod 000 does not deny reads");
        Outcome outcome = eval("LeNet", file);
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertEquals("netc: Cannot read safetensors file " + file + ": permission denied; check the file and its"
                + " permissions.", outcome.err().strip());
    }

    @Test
    void aWeightFileBehindAClosedDirectorySaysPermissionDeniedNotMissing() throws Exception {
        Path closed = Files.createDirectory(directory.resolve("closed"));
        Path file = Files.copy(Fixtures.file(Fixtures.LENET), closed.resolve("weights.safetensors"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isExecutable(closed), "running as root: chmod 000 does not deny access");
            Outcome outcome = eval("LeNet", file);
            assertEquals(2, outcome.exitCode(), outcome.err());
            assertTrue(outcome.err().startsWith("netc: Cannot read weight file " + file + ": permission denied."),
                    outcome.err());
            assertFalse(outcome.err().contains("No weight file"), outcome.err());
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDirectoryGivenAsWeightsIsNamedAsSuch() {
        Outcome outcome = eval("LeNet", directory);
        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("netc: " + directory + " is a directory, not a weight file."), outcome.err());
    }
}
