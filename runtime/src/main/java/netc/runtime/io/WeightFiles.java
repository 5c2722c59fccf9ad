package netc.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;

/**
 * Loads and saves a model's parameters and buffers (BatchNorm's running statistics, without which a
 * trained network predicts from its initial statistics) as safetensors: by the network's own names
 * ({@code conv1.weight}, {@code bn1.running_mean}, ...) or, for a PyTorch {@code nn.Sequential}
 * state_dict ({@code 0.weight}, {@code 3.weight}, ...), by the order of the layers that have tensors.
 * PyTorch's {@code num_batches_tracked} counters are skipped: netc's BatchNorm keeps its own, and its
 * running averages do not depend on it. Every missing, extra or wrong-shaped tensor is listed in one
 * error, and nothing is loaded unless everything fits.
 */
public final class WeightFiles {
    private static final String BATCH_COUNTER = "num_batches_tracked";

    private WeightFiles() {}

    /** Loads every parameter from a file that holds exactly the model's parameters. */
    public static void load(Path file, CompiledModel model) {
        load(file, model, ExtraTensors.REFUSE);
    }

    /** Loads every parameter; {@code extras} says whether other tensors in the file are an error. */
    public static void load(Path file, CompiledModel model, ExtraTensors extras) {
        load(SafetensorsReader.read(file), model, extras);
    }

    /**
     * Loads every parameter from contents already read. A file netc wrote (it records the network's
     * shape hash) must come from this network; see {@link #checkNetwork}.
     */
    public static void load(TensorFile contents, CompiledModel model, ExtraTensors extras) {
        Path file = contents.file();
        checkNetwork(contents, model.info());
        if (Checkpoint.FORMAT.equals(contents.metadata().get(NetworkIdentity.FORMAT))) {
            // A training checkpoint is a weight file plus optimizer state: its velocities are not parameters.
            extras = ExtraTensors.IGNORE;
        }
        contents = withoutBatchCounters(contents);
        List<TensorSlot> slots = new ArrayList<>(slots(model.parameters()));
        slots.addAll(bufferSlots(model.buffers()));
        List<String> names = slots.stream().map(TensorSlot::name).toList();
        Optional<UnaryOperator<String>> sequential = SequentialNames.renaming(contents.tensors().keySet(), names);
        String what = sequential.isPresent()
                ? "Weight file " + file + " (read as a PyTorch nn.Sequential state_dict, its numbered layers"
                        + " taken in order as " + SequentialNames.layersWithParameters(names) + ")"
                : "Weight file " + file;
        Map<TensorSlot, HostTensor> matched = TensorMatcher.match(contents, slots,
                sequential.orElse(UnaryOperator.identity()), extras, what, model.info().name());
        TensorMatcher.upload(matched);
    }

    /**
     * Refuses a weight file or checkpoint that netc wrote for another network, naming both: parameter
     * names and shapes cannot tell apart networks that differ only in activations or pooling. A file
     * without netc's metadata (a PyTorch state_dict) passes. {@link #load} checks this itself; callers
     * call it early to refuse before loading data or opening a device.
     */
    public static void checkNetwork(TensorFile contents, NetworkInfo network) {
        NetworkIdentity.check(contents, network, "Weight file " + contents.file(), "load it into the network that"
                + " wrote it, or use weights saved from " + network.name());
    }

    /**
     * How the file's names read in the model's terms: the identity for a file in the network's own
     * names, the Sequential renaming ({@code 3.weight.grad} → {@code conv2.weight.grad}) otherwise.
     */
    public static UnaryOperator<String> modelNames(TensorFile contents, CompiledModel model) {
        List<String> names = new ArrayList<>(slots(model.parameters()).stream().map(TensorSlot::name).toList());
        model.buffers().forEach(buffer -> names.add(buffer.name()));
        return SequentialNames.renaming(contents.tensors().keySet(), names).orElse(UnaryOperator.identity());
    }

    /** Writes every parameter under its own name, with the network's name and shape hash as metadata. */
    public static void save(Path file, CompiledModel model) {
        save(file, model, DataDescription.NONE);
    }

    /**
     * As {@link #save(Path, CompiledModel)}, recording what predictions need to know about the training data
     * (its class names, the input's normalisation) too.
     */
    public static void save(Path file, CompiledModel model, DataDescription data) {
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata(NetworkIdentity.NETWORK, model.info().name())
                .metadata(NetworkIdentity.SHAPE_HASH, model.info().shapeHash());
        data.writeTo(writer, model.info());
        addParameters(writer, model.parameters());
        addBuffers(writer, model.buffers());
        writer.writeTo(file);
    }

    static List<TensorSlot> slots(List<Parameter> parameters) {
        return parameters.stream().map(p -> new TensorSlot(p.name(), p.shape(), p.value())).toList();
    }

    static List<TensorSlot> bufferSlots(List<StateTensor> buffers) {
        return buffers.stream().map(b -> new TensorSlot(b.name(), b.shape(), b.value())).toList();
    }

    /** Declares each buffer's values (a BatchNorm's running mean and variance), downloaded when written. */
    static void addBuffers(SafetensorsWriter writer, List<StateTensor> buffers) {
        for (StateTensor buffer : buffers) {
            long[] shape = HostTensor.shapeOf(buffer.shape());
            writer.add(buffer.name(), DType.F32, shape, () -> HostTensor.ofFloats(buffer.value().download(), shape).bytes());
        }
    }

    /** Whether {@code name} is a BatchNorm's step counter ({@code bn1.num_batches_tracked}), which netc does not load. */
    static boolean isBatchCounter(String name) {
        return name.equals(BATCH_COUNTER) || name.endsWith("." + BATCH_COUNTER);
    }

    private static TensorFile withoutBatchCounters(TensorFile contents) {
        Map<String, HostTensor> kept = new LinkedHashMap<>(contents.tensors());
        kept.keySet().removeIf(WeightFiles::isBatchCounter);
        return kept.size() == contents.tensors().size() ? contents
                : new TensorFile(contents.file(), kept, contents.metadata());
    }

    /** Declares each parameter's values, downloaded only when the writer reaches it. */
    static void addParameters(SafetensorsWriter writer, List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            long[] shape = HostTensor.shapeOf(parameter.shape());
            writer.add(parameter.name(), DType.F32, shape,
                    () -> HostTensor.ofFloats(parameter.value().download(), shape).bytes());
        }
    }
}
