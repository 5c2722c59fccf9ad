package netc.runtime.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes a safetensors file. Tensors are declared first (name, type, shape) and their bytes fetched one
 * at a time while writing, so a large model never needs all its values in host memory at once. The
 * header is padded with spaces to a multiple of 8 bytes, so the data starts aligned.
 */
public final class SafetensorsWriter {
    private record Entry(String name, DType dtype, long[] shape, Supplier<ByteBuffer> data) {
        long bytes() {
            return HostTensor.elements(shape) * dtype.bytes();
        }
    }

    // Without HTML escaping, names such as "a<b" stay readable in the header.
    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** Declares a tensor whose little-endian bytes {@code data} supplies when it is written. */
    public SafetensorsWriter add(String name, DType dtype, long[] shape, Supplier<ByteBuffer> data) {
        if (name.equals("__metadata__") || !names.add(name)) {
            throw new IllegalArgumentException("tensor name '" + name + "' is reserved or already used");
        }
        entries.add(new Entry(name, dtype, shape.clone(), data));
        return this;
    }

    public SafetensorsWriter add(String name, HostTensor tensor) {
        return add(name, tensor.dtype(), tensor.shape(), tensor::bytes);
    }

    public SafetensorsWriter metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** Writes {@code file} atomically: readers see the old file or the whole new one. */
    public void writeTo(Path file) {
        AtomicFiles.write(file, this::writeTo);
    }

    public void writeTo(WritableByteChannel channel) throws IOException {
        byte[] header = header();
        ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(header.length).put(header).flip();
        writeFully(channel, prefix);
        for (Entry entry : entries) {
            ByteBuffer data = entry.data().get();
            if (data.remaining() != entry.bytes()) {
                throw new IllegalStateException("tensor '" + entry.name() + "' was declared as " + entry.dtype()
                        + Arrays.toString(entry.shape()) + " (" + entry.bytes() + " bytes) but supplied "
                        + data.remaining() + " bytes");
            }
            writeFully(channel, data);
        }
    }

    private byte[] header() {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (Entry entry : entries) {
            JsonObject description = new JsonObject();
            description.addProperty("dtype", entry.dtype().name());
            JsonArray shape = new JsonArray();
            Arrays.stream(entry.shape()).forEach(shape::add);
            description.add("shape", shape);
            JsonArray offsets = new JsonArray();
            offsets.add(offset);
            offset += entry.bytes();
            offsets.add(offset);
            description.add("data_offsets", offsets);
            header.add(entry.name(), description);
        }
        byte[] json = JSON.toJson(header).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] bytes = Arrays.copyOf(json, padded);
        Arrays.fill(bytes, json.length, padded, (byte) ' ');
        return bytes;
    }

    private static void writeFully(WritableByteChannel channel, ByteBuffer buffer) throws IOException {
        ByteBuffer view = buffer.duplicate();
        while (view.hasRemaining()) {
            channel.write(view);
        }
    }
}
