package netc.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.SafetensorsWriter;
import netc.runtime.io.TensorFile;

/** Writes edited copies of a reference file (a tensor dropped, perturbed or reshaped) for the error-path tests. */
final class ReferenceFileEdits {
    private ReferenceFileEdits() {}

    static Path without(Path source, Path target, String... names) {
        Set<String> dropped = Set.of(names);
        return keeping(source, target, name -> !dropped.contains(name), key -> true);
    }

    /** A copy holding only the tensors and metadata entries the predicates keep. */
    static Path keeping(Path source, Path target, Predicate<String> tensorKept, Predicate<String> metadataKept) {
        TensorFile file = SafetensorsReader.read(source);
        return write(file, target, tensorKept, metadataKept, Map.of());
    }

    /** A copy with element {@code index} of {@code name} multiplied by {@code factor}. */
    static Path withScaledElement(Path source, Path target, String name, int index, float factor) {
        return withEdit(source, target, name, values -> values[index] *= factor);
    }

    /** A copy with the F32 tensor {@code name}'s values changed in place by {@code edit}. */
    static Path withEdit(Path source, Path target, String name, Consumer<float[]> edit) {
        TensorFile file = SafetensorsReader.read(source);
        HostTensor original = file.tensor(name);
        float[] values = original.floats();
        edit.accept(values);
        return write(file, target, tensor -> true, key -> true,
                Map.of(name, HostTensor.ofFloats(values, original.shape())));
    }

    static Path withShape(Path source, Path target, String name, long... shape) {
        TensorFile file = SafetensorsReader.read(source);
        return write(file, target, tensor -> true, key -> true,
                Map.of(name, HostTensor.ofFloats(file.tensor(name).floats(), shape)));
    }

    private static Path write(TensorFile file, Path target, Predicate<String> tensorKept,
                              Predicate<String> metadataKept, Map<String, HostTensor> replaced) {
        SafetensorsWriter writer = new SafetensorsWriter();
        file.metadata().forEach((key, value) -> {
            if (metadataKept.test(key)) {
                writer.metadata(key, value);
            }
        });
        file.tensors().forEach((name, tensor) -> {
            if (tensorKept.test(name)) {
                writer.add(name, replaced.getOrDefault(name, tensor));
            }
        });
        writer.writeTo(target);
        return target;
    }
}
