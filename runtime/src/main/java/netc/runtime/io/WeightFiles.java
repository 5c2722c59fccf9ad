package netc.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.HostCounter;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;

/**
 * Loads and saves a model's tensors as safetensors: its parameters, its buffers (a batch norm's running
 * statistics, F32) and its host-side counters (a batch norm's {@code num_batches_tracked}, an I64 scalar, as
 * PyTorch stores it). A file's names are the network's own ({@code conv1.weight}, ...) or those of a PyTorch
 * {@code state_dict} of the module the network mirrors ({@code 0.weight}, {@code 2.0.bn1.running_mean}, ...),
 * mapped through the network's compiled PyTorch paths (see {@link TensorNames}). Every missing, extra or
 * wrong-shaped tensor is listed in one error, and nothing is loaded unless everything fits.
 */
public final class WeightFiles {
    private WeightFiles() {}

    /** Loads every parameter, buffer and counter from a file that holds exactly the model's. */
    public static void load(Path file, CompiledModel model) {
        load(file, model, ExtraTensors.REFUSE);
    }

    /** Loads every parameter, buffer and counter; {@code extras} says whether other tensors in the file are an error. */
    public static void load(Path file, CompiledModel model, ExtraTensors extras) {
        load(SafetensorsReader.read(file), model, extras);
    }

    /**
     * Loads every parameter, buffer and counter from contents already read. A file netc wrote (it records the
     * network's shape hash) must come from this network; see {@link #checkNetwork}.
     */
    public static void load(TensorFile contents, CompiledModel model, ExtraTensors extras) {
        Path file = contents.file();
        NetworkInfo info = model.info();
        checkNetwork(contents, info);
        if (Checkpoint.FORMAT.equals(contents.metadata().get(NetworkIdentity.FORMAT))) {
            // A training checkpoint is a weight file plus optimizer state: its velocities are not parameters.
            extras = ExtraTensors.IGNORE;
        }
        TensorNames names = names(model);
        String what = contents.tensors().keySet().stream().anyMatch(names::isTorchName)
                ? "Weight file " + file + " (read as a PyTorch state_dict, its names mapped through " + info.name()
                        + "'s PyTorch paths)"
                : "Weight file " + file;
        Map<TensorSlot, HostTensor> matched = TensorMatcher.match(contents, slots(model), names::ownName, extras, what,
                info.name());
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
     * How a file's names read in the model's terms: its own names unchanged, a PyTorch state_dict key as the
     * tensor it names ({@code 3.weight} → {@code conv2.weight}), with any ending kept
     * ({@code 3.weight.grad} → {@code conv2.weight.grad}); other names unchanged.
     */
    public static UnaryOperator<String> modelNames(CompiledModel model) {
        return names(model)::ownName;
    }

    /** Writes every parameter, buffer and counter under its own name, with the network's name and shape hash. */
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
        addModelTensors(writer, model);
        writer.writeTo(file);
    }

    private static TensorNames names(CompiledModel model) {
        return new TensorNames(model.info(), slots(model).stream().map(TensorSlot::name).toList());
    }

    /** Where each of the model's tensors loads: parameters, then buffers, then counters, each in layer order. */
    static List<TensorSlot> slots(CompiledModel model) {
        List<TensorSlot> slots = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            slots.add(new TensorSlot.OnDevice(parameter.name(), parameter.shape(), parameter.value()));
        }
        for (StateTensor buffer : model.buffers()) {
            slots.add(new TensorSlot.OnDevice(buffer.name(), buffer.shape(), buffer.value()));
        }
        for (HostCounter counter : model.counters()) {
            slots.add(new TensorSlot.Counter(counter));
        }
        return slots;
    }

    /**
     * Declares every parameter and buffer (F32, downloaded only when the writer reaches it) and every counter
     * (an I64 scalar, its value now).
     */
    static void addModelTensors(SafetensorsWriter writer, CompiledModel model) {
        for (Parameter parameter : model.parameters()) {
            addDeviceTensor(writer, parameter.name(), parameter.shape(), parameter.value());
        }
        for (StateTensor buffer : model.buffers()) {
            addDeviceTensor(writer, buffer.name(), buffer.shape(), buffer.value());
        }
        for (HostCounter counter : model.counters()) {
            writer.add(counter.name(), HostTensor.ofLongs(new long[] {counter.get()}));
        }
    }

    private static void addDeviceTensor(SafetensorsWriter writer, String name, int[] deviceShape, Tensor value) {
        long[] shape = HostTensor.shapeOf(deviceShape);
        writer.add(name, DType.F32, shape, () -> HostTensor.ofFloats(value.download(), shape).bytes());
    }
}
