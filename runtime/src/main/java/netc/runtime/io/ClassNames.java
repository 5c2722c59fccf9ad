package netc.runtime.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netc.runtime.model.NetworkInfo;

/**
 * The names of a network's classes (index = label: sub-folder names, CSV label values, Fashion-MNIST's
 * names) kept in a checkpoint's or weight file's metadata as a JSON array under {@value #KEY}, so a
 * prediction can say "Ankle boot" instead of "class 9". A file without them (older checkpoints, PyTorch
 * state_dicts) has none; {@link #orNumbered} then names class {@code i} "class i".
 */
public final class ClassNames {
    /** The metadata key. */
    public static final String KEY = "class_names";

    private ClassNames() {}

    /**
     * The metadata value for {@code names}, checked against the network: one name per output, none blank.
     * An empty list means "not known" and is not written.
     */
    static Optional<String> encode(List<String> names, NetworkInfo network) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        if (names.size() != network.outputs()) {
            throw new IllegalArgumentException(network.name() + " has " + network.outputs() + " outputs but "
                    + names.size() + " class names were given " + shown(names) + "; give one name per output,"
                    + " in label order, or none.");
        }
        JsonArray array = new JsonArray();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("class name " + i + " of " + network.name() + " is "
                        + (name == null ? "null" : "blank") + "; every class needs a name to be shown by.");
            }
            array.add(name);
        }
        return Optional.of(array.toString());
    }

    /**
     * The class names {@code contents} records, or an empty list when it records none. A record that is
     * not a JSON array of strings, or that does not hold one name per output, is a damaged file.
     */
    public static List<String> read(TensorFile contents, NetworkInfo network) {
        String text = contents.metadata().get(KEY);
        if (text == null) {
            return List.of();
        }
        String source = "Weight file " + contents.file();
        List<String> names = new ArrayList<>();
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonArray()) {
                throw new WeightFileException(source + " records class names " + MessageText.quoted(text)
                        + ", which is not a JSON array of strings; the file is damaged.");
            }
            for (JsonElement element : parsed.getAsJsonArray()) {
                if (!(element instanceof JsonPrimitive primitive) || !primitive.isString()) {
                    throw new WeightFileException(source + " records class names " + MessageText.quoted(text)
                            + ", which is not a JSON array of strings; the file is damaged.");
                }
                names.add(primitive.getAsString());
            }
        } catch (JsonParseException e) {
            throw new WeightFileException(source + " records class names " + MessageText.quoted(text)
                    + ", which is not valid JSON; the file is damaged.");
        }
        if (names.size() != network.outputs()) {
            throw new WeightFileException(source + " records " + names.size() + " class names but "
                    + network.name() + " has " + network.outputs() + " outputs; the file is damaged or was edited.");
        }
        return List.copyOf(names);
    }

    /** {@code names} when known, else "class 0", "class 1", ... for each of {@code outputs} classes. */
    public static List<String> orNumbered(List<String> names, int outputs) {
        if (!names.isEmpty()) {
            return List.copyOf(names);
        }
        List<String> numbered = new ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            numbered.add("class " + i);
        }
        return List.copyOf(numbered);
    }

    private static String shown(List<String> names) {
        return MessageText.printable(names.toString());
    }
}
