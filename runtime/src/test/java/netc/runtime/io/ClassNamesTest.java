package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class names in a checkpoint's and a weight file's metadata: written, read back, and refused when they do not fit. */
class ClassNamesTest {
    private static Device device;
    private final List<Tensor> toClose = new ArrayList<>();

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

    @AfterEach
    void release() {
        toClose.forEach(Tensor::close);
    }

    @Test
    void roundTripThroughACheckpointKeepingAnyText() {
        // ParameterOnlyModel's network has 2 outputs; names with JSON's special characters, spaces and non-ASCII.
        List<String> names = List.of("Ankle boot", "a \"quoted\", [odd] name\\ é 猫");
        Path file = dir.resolve("checkpoint.safetensors");
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            Checkpoint.save(file, model, velocities(model), 1, names);
            assertEquals(names, ClassNames.read(SafetensorsReader.read(file), model.info()));
            // The checkpoint still resumes as before.
            assertEquals(1, Checkpoint.load(file, model, velocities(model)));
        }
    }

    @Test
    void roundTripThroughAWeightFile() {
        Path file = dir.resolve("weights.safetensors");
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFiles.save(file, model, List.of("no", "yes"));
            TensorFile contents = SafetensorsReader.read(file);
            assertEquals("[\"no\",\"yes\"]", contents.metadata(ClassNames.KEY));
            assertEquals(List.of("no", "yes"), ClassNames.read(contents, model.info()));
        }
    }

    @Test
    void aFileWithoutNamesHasNoneAndTheClassesAreNumbered() {
        Path file = dir.resolve("weights.safetensors");
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFiles.save(file, model);
            TensorFile contents = SafetensorsReader.read(file);
            assertTrue(!contents.metadata().containsKey(ClassNames.KEY), contents.metadata().toString());
            assertEquals(List.of(), ClassNames.read(contents, model.info()));
        }
        assertEquals(List.of("class 0", "class 1", "class 2"), ClassNames.orNumbered(List.of(), 3));
        assertEquals(List.of("x"), ClassNames.orNumbered(List.of("x"), 1));
    }

    @Test
    void namesThatDoNotFitTheNetworkAreRefusedWhenSaving() {
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> WeightFiles.save(dir.resolve("w"), model, List.of("a", "b", "c")));
            assertEquals("Tiny has 2 outputs but 3 class names were given [a, b, c]; give one name per output, in"
                    + " label order, or none.", count.getMessage());
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                    () -> Checkpoint.save(dir.resolve("c"), model, velocities(model), 1, List.of("a", " ")));
            assertEquals("class name 1 of Tiny is blank; every class needs a name to be shown by.", blank.getMessage());
        }
    }

    @Test
    void damagedNamesAreRefusedWhenReading() {
        NetworkInfo twoClasses = new NetworkInfo("Tiny", "test.Tiny", 1, 2, 2, 2, List.of(), "h", "");
        Path file = dir.resolve("damaged.safetensors");
        for (String[] damage : new String[][] {
                {"not json [", "which is not valid JSON"},
                {"{\"a\": 1}", "which is not a JSON array of strings"},
                {"[\"a\", 2]", "which is not a JSON array of strings"},
                {"[\"a\", \"b\", \"c\"]", "records 3 class names but Tiny has 2 outputs"}}) {
            TensorFile contents = new TensorFile(file, java.util.Map.of(), java.util.Map.of(ClassNames.KEY, damage[0]));
            WeightFileException e = assertThrows(WeightFileException.class, () -> ClassNames.read(contents, twoClasses));
            assertTrue(e.getMessage().startsWith("Weight file " + file), e.getMessage());
            assertTrue(e.getMessage().contains(damage[1]), damage[0] + ": " + e.getMessage());
        }
    }

    private List<Tensor> velocities(ParameterOnlyModel model) {
        List<Tensor> velocities = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            Tensor velocity = new Tensor(device, parameter.shape());
            velocity.upload(new float[Math.toIntExact(velocity.size())]);
            velocities.add(velocity);
            toClose.add(velocity);
        }
        return velocities;
    }
}
