package netc.runtime.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON header of a safetensors file, checked entry by entry as the format requires: a JSON object
 * whose keys are unique, each tensor an object with a known {@code dtype}, a {@code shape} of
 * non-negative integers and {@code data_offsets [begin, end]} whose length is exactly the shape's
 * bytes, and an optional {@code __metadata__} object of strings. Where the tensors lie relative to
 * each other is {@link SafetensorsReader}'s check, since it needs the file's size.
 *
 * <p>The header is read token by token rather than into a JSON tree because a tree keeps only the last
 * of two equal keys, and a duplicate name must be refused, not silently resolved.
 */
final class SafetensorsHeader {
    /** One tensor as the header declares it; {@code begin} and {@code end} are relative to the data section. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {
        long bytes() {
            return end - begin;
        }

        String range() {
            return "[" + begin + ", " + end + "]";
        }
    }

    static final String METADATA = "__metadata__";
    /** More dimensions than any tensor needs; the cap keeps a garbage header from building huge arrays. */
    static final int MAX_RANK = 64;
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("\\d{1,19}");

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private SafetensorsHeader(Path file) {
        this.file = file;
    }

    /** Parses {@code text}, the header of {@code file}; every defect is a {@link WeightFileException}. */
    static SafetensorsHeader parse(Path file, String text) {
        SafetensorsHeader header = new SafetensorsHeader(file);
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        try {
            header.read(reader);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new WeightFileException("Safetensors file " + file + " has a header that is not valid JSON ("
                    + where(e) + "); it is not a valid safetensors file.", e);
        }
        return header;
    }

    /** The tensors in the header's order. */
    List<Entry> entries() {
        return entries;
    }

    Map<String, String> metadata() {
        return metadata;
    }

    private void read(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw broken("has a header that is not a JSON object");
        }
        reader.beginObject();
        Set<String> names = new HashSet<>();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (!names.add(name)) {
                throw broken("declares " + (name.equals(METADATA) ? METADATA : "tensor " + MessageText.quoted(name))
                        + " twice in its header");
            }
            if (name.equals(METADATA)) {
                readMetadata(reader);
            } else {
                entries.add(readEntry(reader, name));
            }
        }
        reader.endObject();
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw broken("has text after its JSON header");
        }
    }

    private void readMetadata(JsonReader reader) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw broken("has a " + METADATA + " entry that is not a JSON object of strings");
        }
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (metadata.containsKey(key)) {
                throw broken("gives the " + METADATA + " entry " + MessageText.quoted(key) + " twice");
            }
            if (reader.peek() != JsonToken.STRING) {
                throw broken("has a " + METADATA + " entry " + MessageText.quoted(key) + " that is not a string");
            }
            metadata.put(key, reader.nextString());
        }
        reader.endObject();
    }

    private Entry readEntry(JsonReader reader, String name) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw broken("describes tensor " + MessageText.quoted(name) + " with something other than a JSON object");
        }
        reader.beginObject();
        String dtypeName = null;
        long[] shape = null;
        long[] offsets = null;
        Set<String> fields = new HashSet<>();
        while (reader.hasNext()) {
            String field = reader.nextName();
            if (!fields.add(field)) {
                throw broken("gives tensor " + MessageText.quoted(name) + " the field " + MessageText.quoted(field) + " twice");
            }
            switch (field) {
                case "dtype" -> dtypeName = reader.peek() == JsonToken.STRING ? reader.nextString() : null;
                case "shape" -> shape = integers(reader, name, field, MAX_RANK);
                case "data_offsets" -> offsets = integers(reader, name, field, 2);
                // Other fields say nothing netc reads; the reference implementation ignores them too.
                default -> reader.skipValue();
            }
            if (field.equals("dtype") && dtypeName == null) {
                throw broken("gives tensor " + MessageText.quoted(name) + " no string 'dtype'");
            }
        }
        reader.endObject();
        return entry(name, dtypeName, shape, offsets);
    }

    private Entry entry(String name, String dtypeName, long[] shape, long[] offsets) {
        if (dtypeName == null) {
            throw broken("gives tensor " + MessageText.quoted(name) + " no string 'dtype'");
        }
        if (shape == null) {
            throw broken("gives tensor " + MessageText.quoted(name) + " no valid 'shape' array");
        }
        if (offsets == null || offsets.length != 2) {
            throw broken("gives tensor " + MessageText.quoted(name) + " no valid 'data_offsets' array");
        }
        DType dtype = DType.named(dtypeName);
        if (dtype == null) {
            throw broken("gives tensor " + MessageText.quoted(name) + " the dtype " + MessageText.quoted(dtypeName) + ", which netc does not"
                    + " read (it reads " + Arrays.toString(DType.values()) + ")");
        }
        if (offsets[0] > offsets[1]) {
            throw broken("gives tensor " + MessageText.quoted(name) + " the data_offsets " + Arrays.toString(offsets)
                    + ", which end before they begin");
        }
        long expected;
        try {
            expected = Math.multiplyExact(HostTensor.elements(shape), dtype.bytes());
        } catch (ArithmeticException e) {
            throw broken("gives tensor " + MessageText.quoted(name) + " the shape " + Arrays.toString(shape) + ", too large to hold");
        }
        if (offsets[1] - offsets[0] != expected) {
            throw broken("gives tensor " + MessageText.quoted(name) + " (" + dtype + " " + Arrays.toString(shape) + ", " + expected
                    + " bytes) a data range of " + (offsets[1] - offsets[0]) + " bytes");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    /** A JSON array of at most {@code max} integers from 0 to {@link Long#MAX_VALUE}. */
    private long[] integers(JsonReader reader, String name, String field, int max) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_ARRAY) {
            throw broken("gives tensor " + MessageText.quoted(name) + " no valid '" + field + "' array");
        }
        reader.beginArray();
        List<Long> numbers = new ArrayList<>();
        while (reader.hasNext()) {
            if (numbers.size() == max) {
                throw broken("gives tensor " + MessageText.quoted(name) + " a '" + field + "' array of more than " + max
                        + " entries" + (max == 2 ? "" : ", more dimensions than netc reads"));
            }
            if (reader.peek() != JsonToken.NUMBER) {
                throw broken("gives tensor " + MessageText.quoted(name) + " a '" + field + "' entry that is not a non-negative integer");
            }
            String number = reader.nextString(); // the literal text, so that 1.0 or 1e3 is seen as written
            if (!NON_NEGATIVE_INTEGER.matcher(number).matches()) {
                throw broken("gives tensor " + MessageText.quoted(name) + " a '" + field + "' entry " + MessageText.quoted(number)
                        + " that is not a non-negative integer");
            }
            try {
                numbers.add(Long.parseLong(number));
            } catch (NumberFormatException e) {
                throw broken("gives tensor " + MessageText.quoted(name) + " a '" + field + "' entry " + number
                        + ", larger than any file");
            }
        }
        reader.endArray();
        return numbers.stream().mapToLong(Long::longValue).toArray();
    }

    /** Gson's position of a syntax error, without its advice about lenient parsing (not for users here). */
    private static String where(Exception e) {
        Matcher position = Pattern.compile("line \\d+ column \\d+").matcher(String.valueOf(e.getMessage()));
        return position.find() ? "malformed at " + position.group() : "malformed";
    }

    private WeightFileException broken(String what) {
        return SafetensorsReader.broken(file, what);
    }
}
