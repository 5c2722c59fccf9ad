package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Adam;
import netc.runtime.ops.Sgd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TestDevice private static Device device;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void release() throws Exception {
        for (AutoCloseable resource : toClose) {
            resource.close();
        }
    }

    private ParameterOnlyModel model(String network, String hash) {
        ParameterOnlyModel model = ParameterOnlyModel.tiny(device, network, hash);
        toClose.add(model);
        return model;
    }

    /** One velocity tensor per parameter, filled from {@code seed} (0: all zero). */
    private List<Tensor> velocities(ParameterOnlyModel model, long seed) {
        Random random = new Random(seed);
        List<Tensor> velocities = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            Tensor velocity = new Tensor(device, parameter.shape());
            toClose.add(velocity);
            float[] values = new float[Math.toIntExact(velocity.size())];
            for (int i = 0; seed != 0 && i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            velocity.upload(values);
            velocities.add(velocity);
        }
        return velocities;
    }

    @Test
    void roundTripsParametersVelocitiesAndEpochs() {
        Path file = dir.resolve("run.ckpt");
        ParameterOnlyModel saved = model("Tiny", "hash-a");
        List<float[]> parameters = saved.randomize(4);
        List<Tensor> savedVelocities = velocities(saved, 5);
        Checkpoint.save(file, saved, savedVelocities, 7);

        ParameterOnlyModel restored = model("Tiny", "hash-a");
        List<Tensor> restoredVelocities = velocities(restored, 0);
        assertEquals(7, Checkpoint.load(file, restored, restoredVelocities));
        for (int i = 0; i < parameters.size(); i++) {
            assertArrayEquals(parameters.get(i), restored.values().get(i), 0f);
            assertArrayEquals(savedVelocities.get(i).download(), restoredVelocities.get(i).download(), 0f);
        }
        TensorFile contents = SafetensorsReader.read(file);
        assertEquals("hash-a", contents.metadata("shape_hash"));
        assertEquals("Tiny", contents.metadata("network"));
        assertTrue(contents.tensors().containsKey("fc.bias.velocity"));
    }

    /** Adam's moments and step count come back exactly, so a resumed run takes the steps it would have taken. */
    @Test
    void roundTripsAdamsMomentsAndStepCount() {
        Path file = dir.resolve("adam.ckpt");
        ParameterOnlyModel saved = model("Tiny", "hash-a");
        saved.randomize(3);
        Adam adam = adam(saved, true);
        for (int step = 0; step < 3; step++) {
            saved.randomizeGradients(10 + step);
            adam.step();
        }
        Checkpoint.save(file, saved, adam, 2);
        TensorFile contents = SafetensorsReader.read(file);
        assertEquals("adamw", contents.metadata("optimizer"));
        assertEquals("3", contents.metadata("optimizer_steps"));
        assertTrue(contents.tensors().containsKey("conv1.weight.exp_avg_sq"), contents.tensors().keySet().toString());

        ParameterOnlyModel restored = model("Tiny", "hash-a");
        Adam resumed = adam(restored, true);
        assertEquals(2, Checkpoint.load(file, restored, resumed));
        assertEquals(3, resumed.steps());
        for (int i = 0; i < saved.parameters().size(); i++) {
            assertArrayEquals(saved.values().get(i), restored.values().get(i), 0f);
            for (int kind = 0; kind < 2; kind++) {
                assertArrayEquals(adam.state().get(kind).tensors().get(i).download(),
                        resumed.state().get(kind).tensors().get(i).download(), 0f);
            }
        }
        // The next step from the restored state is the next step of the original, bit for bit.
        saved.randomizeGradients(20);
        restored.randomizeGradients(20);
        adam.step();
        resumed.step();
        for (int i = 0; i < saved.parameters().size(); i++) {
            assertArrayEquals(saved.values().get(i), restored.values().get(i), 0f);
        }
    }

    @Test
    void anotherOptimizersStateIsRefusedNamingBothAndNothingLoaded() {
        Path file = dir.resolve("sgd.ckpt");
        ParameterOnlyModel saved = model("Tiny", "h");
        Checkpoint.save(file, saved, velocities(saved, 1), 2);
        ParameterOnlyModel target = model("Tiny", "h");
        List<float[]> before = target.randomize(5);
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> Checkpoint.load(file, target, adam(target, false)));
        assertEquals("Checkpoint " + file + " holds the state of optimizer sgd but this run uses adam; resume with the"
                + " optimizer that wrote it, or start without the checkpoint.", e.getMessage());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), target.values().get(i), 0f);
        }
    }

    /** Checkpoints written before the optimizer was recorded hold SGD velocities and still resume. */
    @Test
    void aCheckpointWithoutOptimizerMetadataIsSgds() {
        Path file = dir.resolve("old.ckpt");
        ParameterOnlyModel saved = model("Tiny", "h");
        List<Tensor> velocities = velocities(saved, 3);
        Checkpoint.save(file, saved, velocities, 6);
        TensorFile good = SafetensorsReader.read(file);
        SafetensorsWriter writer = new SafetensorsWriter();
        good.metadata().forEach((key, value) -> {
            if (!key.startsWith("optimizer")) {
                writer.metadata(key, value);
            }
        });
        good.tensors().forEach(writer::add);
        writer.writeTo(file);
        ParameterOnlyModel restored = model("Tiny", "h");
        try (Sgd sgd = new Sgd(device, restored.parameters(), 0.1f, 0.9f, 0f)) {
            assertEquals(6, Checkpoint.load(file, restored, sgd));
            assertEquals(0, sgd.steps());
            assertArrayEquals(velocities.get(0).download(), sgd.velocity(0).download(), 0f);
        }
    }

    private Adam adam(ParameterOnlyModel model, boolean decoupled) {
        Adam adam = new Adam(device, model.parameters(), 0.01f, 0.01f, decoupled);
        toClose.add(adam);
        return adam;
    }

    @Test
    void aCheckpointLoadsAsAWeightFileItsVelocitiesSetAside() {
        Path file = dir.resolve("run.ckpt");
        ParameterOnlyModel saved = model("Tiny", "hash-a");
        List<float[]> parameters = saved.randomize(8);
        Checkpoint.save(file, saved, velocities(saved, 9), 1);

        ParameterOnlyModel restored = model("Tiny", "hash-a");
        WeightFiles.load(file, restored);
        for (int i = 0; i < parameters.size(); i++) {
            assertArrayEquals(parameters.get(i), restored.values().get(i), 0f);
        }
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingBoth() {
        Path file = dir.resolve("other.ckpt");
        ParameterOnlyModel alex = model("AlexNet", "hash-alex");
        Checkpoint.save(file, alex, velocities(alex, 1), 3);
        ParameterOnlyModel lenet = model("LeNet", "hash-lenet");
        List<float[]> before = lenet.randomize(6);
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> Checkpoint.load(file, lenet, velocities(lenet, 0)));
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("network AlexNet (shape hash hash-alex)"), message);
        assertTrue(message.contains("this model is LeNet (shape hash hash-lenet)"), message);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), lenet.values().get(i), 0f);
        }
    }

    @Test
    void aPlainWeightFileIsNotACheckpoint() {
        Path file = dir.resolve("weights.safetensors");
        ParameterOnlyModel tiny = model("Tiny", "h");
        WeightFiles.save(file, tiny);
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> Checkpoint.load(file, tiny, velocities(tiny, 0)));
        assertTrue(e.getMessage().contains("is not a netc checkpoint"), e.getMessage());
    }

    @Test
    void aMissingVelocityIsReportedAndNothingLoaded() {
        Path file = dir.resolve("partial.ckpt");
        ParameterOnlyModel tiny = model("Tiny", "h");
        TensorFile good;
        Checkpoint.save(file, tiny, velocities(tiny, 1), 2);
        good = SafetensorsReader.read(file);
        SafetensorsWriter writer = new SafetensorsWriter();
        good.metadata().forEach(writer::metadata);
        good.tensors().forEach((name, tensor) -> {
            if (!name.equals("conv1.bias.velocity")) {
                writer.add(name, tensor);
            }
        });
        writer.writeTo(file);
        ParameterOnlyModel target = model("Tiny", "h");
        List<float[]> before = target.randomize(8);
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> Checkpoint.load(file, target, velocities(target, 0)));
        assertTrue(e.getMessage().contains("missing conv1.bias.velocity [2]"), e.getMessage());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), target.values().get(i), 0f);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldCheckpointIntact() throws Exception {
        Path file = dir.resolve("run.ckpt");
        ParameterOnlyModel tiny = model("Tiny", "h");
        tiny.randomize(9);
        Checkpoint.save(file, tiny, velocities(tiny, 1), 4);
        byte[] old = Files.readAllBytes(file);
        tiny.randomize(10);
        // An interrupted thread's file channel refuses to write: the save fails at its first write.
        Thread.currentThread().interrupt();
        try {
            assertThrows(UncheckedIOException.class, () -> Checkpoint.save(file, tiny, velocities(tiny, 2), 5));
        } finally {
            Thread.interrupted();
        }
        assertArrayEquals(old, Files.readAllBytes(file));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no temporary file is left behind");
        }
        assertEquals(4, Checkpoint.load(file, tiny, velocities(tiny, 0)));
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedWhenLoadedAsWeightsToo() {
        // netc eval and the API load checkpoints as weight files; the network must match there as on --resume.
        Path file = dir.resolve("other.ckpt");
        ParameterOnlyModel relu = model("LeNetRelu", "hash-relu");
        Checkpoint.save(file, relu, velocities(relu, 1), 3);
        ParameterOnlyModel lenet = model("LeNet", "hash-lenet");
        List<float[]> before = lenet.randomize(6);
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> WeightFiles.load(file, lenet, ExtraTensors.IGNORE));
        assertEquals("Weight file " + file + " was saved from network LeNetRelu (shape hash hash-relu) but this model"
                + " is LeNet (shape hash hash-lenet); load it into the network that wrote it, or use weights saved from"
                + " LeNet.", e.getMessage());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), lenet.values().get(i), 0f);
        }
    }

    @Test
    void aCheckpointWithoutItsShapeHashIsDamaged() {
        Path file = dir.resolve("no-hash.ckpt");
        ParameterOnlyModel tiny = model("Tiny", "h");
        Checkpoint.save(file, tiny, velocities(tiny, 1), 2);
        TensorFile good = SafetensorsReader.read(file);
        SafetensorsWriter writer = new SafetensorsWriter();
        good.metadata().forEach((key, value) -> {
            if (!key.equals("shape_hash")) {
                writer.metadata(key, value);
            }
        });
        good.tensors().forEach(writer::add);
        writer.writeTo(file);
        for (Executable load : List.<Executable>of(() -> WeightFiles.load(file, tiny),
                () -> Checkpoint.load(file, tiny, velocities(tiny, 0)))) {
            WeightFileException e = assertThrows(WeightFileException.class, load);
            assertTrue(e.getMessage().contains("is a netc checkpoint without the shape hash of the network that wrote"
                    + " it; the file is damaged"), e.getMessage());
        }
    }
}
