package netc.runtime.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a safetensors file holds: named tensors in the header's order, and the {@code __metadata__}
 * string map (empty when the file has none).
 */
public record TensorFile(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
    public TensorFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The tensor called {@code name}; a file without it is a {@link WeightFileException}. */
    public HostTensor tensor(String name) {
        HostTensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new WeightFileException("Safetensors file " + file + " holds no tensor named '" + name
                    + "'; it holds " + tensors.keySet() + ".");
        }
        return tensor;
    }

    /** The metadata entry {@code key}; a file without it is a {@link WeightFileException}. */
    public String metadata(String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new WeightFileException("Safetensors file " + file + " has no metadata entry '" + key + "'.");
        }
        return value;
    }
}
