package netc.runtime.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netc.runtime.model.NetworkInfo;

/**
 * What a prediction needs to know about the data a network was trained on, kept in the metadata of its
 * checkpoint or weight file: the classes' names (index = label: sub-folder names, CSV label values,
 * Fashion-MNIST's names; JSON array under {@value #CLASS_NAMES}), and the per-channel normalisation
 * {@code (x − mean[c]) / std[c]} the training pipeline applied to the [0, 1] input (JSON arrays of
 * numbers under {@value #INPUT_MEAN} and {@value #INPUT_STD}; one value stands for every channel).
 *
 * <p>Either part may be unknown: a file without names (older checkpoints, PyTorch state_dicts) makes
 * predictions name class {@code i} "class i" ({@link #classNamesOrNumbers}); one without a normalisation
 * means the network took values in [0, 1] as they are.
 *
 * @param classNames one per output, in label order; empty when unknown
 * @param mean and {@code std}: empty for no normalisation, else one value per input channel or one for all
 */
public record DataDescription(List<String> classNames, float[] mean, float[] std) {
    public static final String CLASS_NAMES = "class_names";
    public static final String INPUT_MEAN = "input_mean";
    public static final String INPUT_STD = "input_std";
    /** Nothing known: numbered classes, no normalisation. */
    public static final DataDescription NONE = new DataDescription(List.of(), new float[0], new float[0]);

    public DataDescription {
        classNames = List.copyOf(classNames);
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length) {
            throw new IllegalArgumentException("a normalisation needs as many means as stds, got " + mean.length
                    + " means and " + std.length + " stds.");
        }
        for (int c = 0; c < std.length; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0f) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("normalisation channel " + c + " has mean " + mean[c] + " and std "
                        + std[c] + "; a mean must be finite and a std positive and finite.");
            }
        }
    }

    /** The class names alone (one per output, in label order), without a normalisation. */
    public static DataDescription of(List<String> classNames) {
        return new DataDescription(classNames, new float[0], new float[0]);
    }

    /** This description with the input normalised by {@code mean} and {@code std} (per channel, or one for all). */
    public DataDescription withNormalization(float[] mean, float[] std) {
        return new DataDescription(classNames, mean, std);
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public boolean isNormalized() {
        return mean.length > 0;
    }

    /** The names when known, else "class 0", "class 1", ... for each of {@code outputs} classes. */
    public List<String> classNamesOrNumbers(int outputs) {
        if (!classNames.isEmpty()) {
            return classNames;
        }
        List<String> numbered = new ArrayList<>(outputs);
        for (int i = 0; i < outputs; i++) {
            numbered.add("class " + i);
        }
        return List.copyOf(numbered);
    }

    /**
     * Normalises one input of {@code channels} planes of {@code planeSize} values in place, in the float32
     * steps of the training pipeline's {@code resize.cl}: {@code (x − mean[c]) / std[c]}.
     */
    public void normalize(float[] input, int channels, int planeSize) {
        if (!isNormalized()) {
            return;
        }
        for (int c = 0; c < channels; c++) {
            float m = mean[mean.length == 1 ? 0 : c];
            float s = std[std.length == 1 ? 0 : c];
            for (int i = c * planeSize; i < (c + 1) * planeSize; i++) {
                input[i] = (input[i] - m) / s;
            }
        }
    }

    /** Adds this description to {@code writer}'s metadata after checking it fits {@code network}. */
    void writeTo(SafetensorsWriter writer, NetworkInfo network) {
        requireFits(network);
        if (!classNames.isEmpty()) {
            JsonArray names = new JsonArray();
            classNames.forEach(names::add);
            writer.metadata(CLASS_NAMES, names.toString());
        }
        if (isNormalized()) {
            writer.metadata(INPUT_MEAN, numbers(mean)).metadata(INPUT_STD, numbers(std));
        }
    }

    /** Refuses a description that does not fit {@code network}: class names not one per output, normalisation pairs not one or one per channel. */
    public void requireFits(NetworkInfo network) {
        String misfit = misfit(network);
        if (misfit != null) {
            throw new IllegalArgumentException(misfit + "; give one class name per output in label order (or none),"
                    + " and one normalisation pair per input channel (or one for all).");
        }
    }

    /** How this description does not fit {@code network}, as a phrase; null when it fits. */
    private String misfit(NetworkInfo network) {
        if (!classNames.isEmpty() && classNames.size() != network.outputs()) {
            return network.name() + " has " + network.outputs() + " outputs but " + classNames.size()
                    + " class names were given " + MessageText.printable(classNames.toString());
        }
        for (int i = 0; i < classNames.size(); i++) {
            String name = classNames.get(i);
            if (name == null || name.isBlank()) {
                return "class name " + i + " of " + network.name() + " is " + (name == null ? "null" : "blank");
            }
        }
        if (mean.length > 1 && mean.length != network.channels()) {
            return "the normalisation gives " + mean.length + " means and stds but " + network.name() + " takes "
                    + network.channels() + " input channels";
        }
        return null;
    }

    /**
     * What {@code contents} records; {@link #NONE}'s parts where it records nothing. A record that is not
     * valid JSON of the right kind, or that does not fit {@code network}, is a damaged file.
     */
    public static DataDescription read(TensorFile contents, NetworkInfo network) {
        String source = "Weight file " + contents.file();
        List<String> names = new ArrayList<>();
        for (JsonElement element : array(contents, CLASS_NAMES, source)) {
            if (!(element instanceof JsonPrimitive primitive) || !primitive.isString()) {
                throw damaged(source, CLASS_NAMES, contents, "not a JSON array of strings");
            }
            names.add(primitive.getAsString());
        }
        float[] mean = floats(contents, INPUT_MEAN, source);
        float[] std = floats(contents, INPUT_STD, source);
        DataDescription description;
        try {
            description = new DataDescription(names, mean, std);
        } catch (IllegalArgumentException e) {
            throw new WeightFileException(source + " records a normalisation that cannot be used (" + e.getMessage()
                    + "); the file is damaged.", e);
        }
        String misfit = description.misfit(network);
        if (misfit != null) {
            throw new WeightFileException(source + " records a description of its data that does not fit: " + misfit
                    + "; the file is damaged or was edited.");
        }
        return description;
    }

    private static JsonArray array(TensorFile contents, String key, String source) {
        String text = contents.metadata().get(key);
        if (text == null) {
            return new JsonArray();
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (parsed.isJsonArray()) {
                return parsed.getAsJsonArray();
            }
        } catch (JsonParseException e) {
            throw damaged(source, key, contents, "not valid JSON");
        }
        throw damaged(source, key, contents, "not a JSON array");
    }

    private static float[] floats(TensorFile contents, String key, String source) {
        JsonArray array = array(contents, key, source);
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonElement element = array.get(i);
            if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
                throw damaged(source, key, contents, "not a JSON array of numbers");
            }
            values[i] = primitive.getAsFloat();
        }
        return values;
    }

    private static WeightFileException damaged(String source, String key, TensorFile contents, String what) {
        return new WeightFileException(source + " records " + key + " " + MessageText.quoted(contents.metadata().get(key))
                + ", which is " + what + "; the file is damaged.");
    }

    /** A JSON array of the floats, each as Java prints it (the shortest text that reads back as the same float). */
    private static String numbers(float[] values) {
        JsonArray array = new JsonArray();
        for (float value : values) {
            array.add(new JsonPrimitive(new java.math.BigDecimal(Float.toString(value))));
        }
        return array.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataDescription that && classNames.equals(that.classNames)
                && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return classNames.hashCode() * 31 * 31 + Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "DataDescription[classNames=" + classNames + ", mean=" + Arrays.toString(mean) + ", std="
                + Arrays.toString(std) + "]";
    }
}
