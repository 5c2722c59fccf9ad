package netc.runtime.io;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a safetensors file: a little-endian u64 header length, a JSON header mapping each tensor name
 * to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the data that follows the
 * header) plus an optional {@code __metadata__} string map, then the raw little-endian data. Every
 * defect is a {@link WeightFileException} naming the file.
 */
public final class SafetensorsReader {
    /** The format's own cap on the header, which also stops a garbage length from allocating gigabytes. */
    private static final long MAX_HEADER_BYTES = 100L << 20;
    private static final String METADATA = "__metadata__";

    private final Path file;

    private SafetensorsReader(Path file) {
        this.file = file;
    }

    public static TensorFile read(Path file) {
        return new SafetensorsReader(file).read();
    }

    private TensorFile read() {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size < 8) {
                throw broken("is only " + size + " bytes long, shorter than the 8-byte header length");
            }
            long headerBytes = readFully(channel, 0, 8).getLong();
            if (headerBytes < 2 || headerBytes > MAX_HEADER_BYTES || headerBytes > size - 8) {
                throw broken("declares a header of " + Long.toUnsignedString(headerBytes) + " bytes but "
                        + (size - 8) + " bytes follow the length");
            }
            JsonObject header = parseHeader(readFully(channel, 8, (int) headerBytes));
            long dataStart = 8 + headerBytes;
            Map<String, HostTensor> tensors = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> entry : header.entrySet()) {
                if (entry.getKey().equals(METADATA)) {
                    metadata = metadata(entry.getValue());
                } else {
                    tensors.put(entry.getKey(), tensor(channel, entry.getKey(), entry.getValue(), dataStart, size));
                }
            }
            return new TensorFile(file, tensors, metadata);
        } catch (NoSuchFileException e) {
            throw new WeightFileException("Safetensors file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new WeightFileException("Safetensors file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private JsonObject parseHeader(ByteBuffer bytes) {
        String text = StandardCharsets.UTF_8.decode(bytes).toString();
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            // Read through the adapter, not JsonParser, which would switch the reader to lenient.
            JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw broken("has text after its JSON header");
            }
            if (root == null || !root.isJsonObject()) {
                throw broken("has a header that is not a JSON object");
            }
            return root.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new WeightFileException("Safetensors file " + file + " has a header that is not valid JSON ("
                    + where(e) + "); it is not a valid safetensors file.", e);
        }
    }

    /** Gson's position of a syntax error, without its advice about lenient parsing (not for users here). */
    private static String where(Exception e) {
        Matcher position = Pattern.compile("line \\d+ column \\d+").matcher(String.valueOf(e.getMessage()));
        return position.find() ? "malformed at " + position.group() : "malformed";
    }

    private Map<String, String> metadata(JsonElement element) {
        if (!element.isJsonObject()) {
            throw broken("has a " + METADATA + " entry that is not a JSON object of strings");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
            JsonElement value = entry.getValue();
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw broken("has a " + METADATA + " entry '" + entry.getKey() + "' that is not a string");
            }
            metadata.put(entry.getKey(), value.getAsString());
        }
        return metadata;
    }

    private HostTensor tensor(FileChannel channel, String name, JsonElement element, long dataStart, long size)
            throws IOException {
        if (!element.isJsonObject()) {
            throw broken("describes tensor '" + name + "' with something other than a JSON object");
        }
        JsonObject entry = element.getAsJsonObject();
        String dtypeName = string(entry, name, "dtype");
        DType dtype = DType.named(dtypeName);
        if (dtype == null) {
            throw broken("gives tensor '" + name + "' the dtype " + dtypeName + ", which netc does not read (it reads "
                    + Arrays.toString(DType.values()) + ")");
        }
        long[] shape = longs(entry, name, "shape", -1);
        long[] offsets = longs(entry, name, "data_offsets", 2);
        long dataBytes = size - dataStart;
        if (offsets[0] > offsets[1] || offsets[1] > dataBytes) {
            throw broken("places tensor '" + name + "' at bytes " + Arrays.toString(offsets) + " of a data section of "
                    + dataBytes + " bytes");
        }
        long expected;
        try {
            expected = Math.multiplyExact(HostTensor.elements(shape), dtype.bytes());
        } catch (ArithmeticException e) {
            throw broken("gives tensor '" + name + "' the shape " + Arrays.toString(shape) + ", too large to hold");
        }
        if (offsets[1] - offsets[0] != expected) {
            throw broken("gives tensor '" + name + "' (" + dtype + " " + Arrays.toString(shape) + ", " + expected
                    + " bytes) a data range of " + (offsets[1] - offsets[0]) + " bytes");
        }
        if (expected > Integer.MAX_VALUE - 8) {
            throw broken("holds tensor '" + name + "' of " + expected + " bytes, more than netc reads into one array");
        }
        return new HostTensor(dtype, shape, readFully(channel, dataStart + offsets[0], (int) expected));
    }

    private String string(JsonObject entry, String name, String field) {
        JsonElement value = entry.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw broken("gives tensor '" + name + "' no string '" + field + "'");
        }
        return value.getAsString();
    }

    /** A JSON array of non-negative integers, of {@code length} elements unless that is negative. */
    private long[] longs(JsonObject entry, String name, String field, int length) {
        JsonElement value = entry.get(field);
        if (value == null || !value.isJsonArray() || (length >= 0 && value.getAsJsonArray().size() != length)) {
            throw broken("gives tensor '" + name + "' no valid '" + field + "' array");
        }
        JsonArray array = value.getAsJsonArray();
        long[] numbers = new long[array.size()];
        for (int i = 0; i < numbers.length; i++) {
            JsonElement number = array.get(i);
            try {
                numbers[i] = number.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
            } catch (RuntimeException e) {
                numbers[i] = -1;
            }
            if (numbers[i] < 0) {
                throw broken("gives tensor '" + name + "' a '" + field + "' entry " + number
                        + " that is not a non-negative integer");
            }
        }
        return numbers;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return buffer.flip();
    }

    private WeightFileException broken(String what) {
        return new WeightFileException("Safetensors file " + file + " " + what + "; it is not a valid safetensors file.");
    }
}
