package netc.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a checkpoint or weight file records about its training data (class names, input normalisation):
 * written, read back, and refused when it does not fit the network.
 */
class DataDescriptionTest {
    @TestDevice private static Device device;
    private final List<Tensor> toClose = new ArrayList<>();

    @TempDir
    Path dir;

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
            Checkpoint.save(file, model, velocities(model), 1, DataDescription.of(names));
            assertEquals(DataDescription.of(names), DataDescription.read(SafetensorsReader.read(file), model.info()));
            // The checkpoint still resumes as before.
            assertEquals(1, Checkpoint.load(file, model, velocities(model)));
        }
    }

    @Test
    void roundTripThroughAWeightFileWithANormalisation() {
        Path file = dir.resolve("weights.safetensors");
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            DataDescription data = DataDescription.of(List.of("no", "yes"))
                    .withNormalization(new float[] {0.2860f}, new float[] {0.353f});
            WeightFiles.save(file, model, data);
            TensorFile contents = SafetensorsReader.read(file);
            assertEquals("[\"no\",\"yes\"]", contents.metadata(DataDescription.CLASS_NAMES));
            assertEquals("[0.286]", contents.metadata(DataDescription.INPUT_MEAN));
            assertEquals("[0.353]", contents.metadata(DataDescription.INPUT_STD));
            assertEquals(data, DataDescription.read(contents, model.info()));
        }
    }

    @Test
    void aFileWithoutADescriptionHasNoneAndTheClassesAreNumbered() {
        Path file = dir.resolve("weights.safetensors");
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            WeightFiles.save(file, model);
            TensorFile contents = SafetensorsReader.read(file);
            assertTrue(!contents.metadata().containsKey(DataDescription.CLASS_NAMES), contents.metadata().toString());
            assertEquals(DataDescription.NONE, DataDescription.read(contents, model.info()));
        }
        assertEquals(List.of("class 0", "class 1", "class 2"), DataDescription.NONE.classNamesOrNumbers(3));
        assertEquals(List.of("x"), DataDescription.of(List.of("x")).classNamesOrNumbers(1));
    }

    @Test
    void namesThatDoNotFitTheNetworkAreRefusedWhenSaving() {
        try (ParameterOnlyModel model = ParameterOnlyModel.tiny(device, "Tiny", "h")) {
            IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                    () -> WeightFiles.save(dir.resolve("w"), model, DataDescription.of(List.of("a", "b", "c"))));
            assertEquals("Tiny has 2 outputs but 3 class names were given [a, b, c]; give one class name per output in"
                    + " label order (or none), and one normalisation pair per input channel (or one for all).",
                    count.getMessage());
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                    () -> Checkpoint.save(dir.resolve("c"), model, velocities(model), 1, DataDescription.of(List.of("a", " "))));
            assertTrue(blank.getMessage().startsWith("class name 1 of Tiny is blank;"), blank.getMessage());
            // ParameterOnlyModel's network takes 1 channel: three pairs do not fit it.
            IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                    () -> WeightFiles.save(dir.resolve("n"), model, DataDescription.NONE.withNormalization(
                            new float[] {0.4f, 0.5f, 0.6f}, new float[] {0.2f, 0.2f, 0.2f})));
            assertTrue(channels.getMessage().startsWith("the normalisation gives 3 means and stds but Tiny takes 1 input"
                    + " channels;"), channels.getMessage());
            IllegalArgumentException zeroStd = assertThrows(IllegalArgumentException.class,
                    () -> DataDescription.NONE.withNormalization(new float[] {0.5f}, new float[] {0f}));
            assertEquals("normalisation channel 0 has mean 0.5 and std 0.0; a mean must be finite and a std positive"
                    + " and finite.", zeroStd.getMessage());
        }
    }

    @Test
    void damagedNamesAreRefusedWhenReading() {
        NetworkInfo twoClasses = new NetworkInfo("Tiny", "test.Tiny", 1, 2, 2, 2, List.of(), "h", "");
        Path file = dir.resolve("damaged.safetensors");
        for (String[] damage : new String[][] {
                {DataDescription.CLASS_NAMES, "not json [", "which is not valid JSON"},
                {DataDescription.CLASS_NAMES, "{\"a\": 1}", "which is not a JSON array"},
                {DataDescription.CLASS_NAMES, "[\"a\", 2]", "which is not a JSON array of strings"},
                {DataDescription.CLASS_NAMES, "[\"a\", \"b\", \"c\"]", "does not fit: Tiny has 2 outputs but 3 class"
                        + " names were given [a, b, c]; the file is damaged or was edited."},
                {DataDescription.INPUT_MEAN, "[0.5, \"x\"]", "which is not a JSON array of numbers"},
                {DataDescription.INPUT_MEAN, "[0.5]", "a normalisation that cannot be used (a normalisation needs as"
                        + " many means as stds, got 1 means and 0 stds.)"}}) {
            TensorFile contents = new TensorFile(file, java.util.Map.of(), java.util.Map.of(damage[0], damage[1]));
            WeightFileException e = assertThrows(WeightFileException.class,
                    () -> DataDescription.read(contents, twoClasses));
            assertTrue(e.getMessage().startsWith("Weight file " + file), e.getMessage());
            assertTrue(e.getMessage().contains(damage[2]), damage[1] + ": " + e.getMessage());
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
