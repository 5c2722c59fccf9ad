package netc.samples.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.SafetensorsWriter;
import netc.runtime.io.TensorFile;

/** Writes edited copies of a reference file (a tensor dropped, perturbed or reshaped) for the error-path tests. */
final class ReferenceFileEdits {
    private ReferenceFileEdits() {}

    static Path without(Path source, Path target, String... names) {
        TensorFile file = SafetensorsReader.read(source);
        return write(file, target, Set.of(names), Map.of());
    }

    /** A copy with element {@code index} of {@code name} multiplied by {@code factor}. */
    static Path withScaledElement(Path source, Path target, String name, int index, float factor) {
        TensorFile file = SafetensorsReader.read(source);
        HostTensor original = file.tensor(name);
        float[] values = original.floats();
        values[index] *= factor;
        return write(file, target, Set.of(), Map.of(name, HostTensor.ofFloats(values, original.shape())));
    }

    static Path withShape(Path source, Path target, String name, long... shape) {
        TensorFile file = SafetensorsReader.read(source);
        return write(file, target, Set.of(), Map.of(name, HostTensor.ofFloats(file.tensor(name).floats(), shape)));
    }

    private static Path write(TensorFile file, Path target, Set<String> dropped, Map<String, HostTensor> replaced) {
        SafetensorsWriter writer = new SafetensorsWriter();
        file.metadata().forEach(writer::metadata);
        file.tensors().forEach((name, tensor) -> {
            if (!dropped.contains(name)) {
                writer.add(name, replaced.getOrDefault(name, tensor));
            }
        });
        writer.writeTo(target);
        return target;
    }
}
