package netc.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Optimizer;
import netc.runtime.ops.Sgd;

/**
 * A training checkpoint as one safetensors file: every parameter, every buffer (a batch norm's running
 * statistics) and counter ({@code num_batches_tracked}, I64), the optimizer's state, the epoch reached, and
 * the network's shape hash (a checkpoint of another network is refused). Written atomically: a crash
 * mid-write leaves the previous checkpoint intact. A resumed run continues from exactly the state it stopped
 * in, running statistics included, and evaluating a checkpoint uses the statistics training left.
 *
 * <p>Parameters, buffers and counters keep their own names, as in a weight file; each optimizer state tensor is the parameter's name and the state's suffix
 * ({@code conv1.weight.velocity} for SGD, {@code conv1.weight.exp_avg} and {@code conv1.weight.exp_avg_sq}
 * for Adam, PyTorch's state names). The metadata records the optimizer's kind ({@code optimizer}: a resumed
 * run must use the same) and its step count ({@code optimizer_steps}, Adam's bias correction). A checkpoint
 * without them was written before they existed, by SGD.
 * What the training data was, as far as predictions need it (class names, the input's normalisation), is
 * metadata: see {@link DataDescription}.
 */
public final class Checkpoint {
    static final String FORMAT = "netc-checkpoint-1";
    static final String OPTIMIZER = "optimizer";
    static final String OPTIMIZER_STEPS = "optimizer_steps";

    private Checkpoint() {}

    public static void save(Path file, CompiledModel model, Optimizer optimizer, int epochsDone) {
        save(file, model, optimizer, epochsDone, DataDescription.NONE);
    }

    /**
     * As {@link #save(Path, CompiledModel, Optimizer, int)}, recording what predictions need to know about the
     * training data: the classes' names and the input's normalisation.
     */
    public static void save(Path file, CompiledModel model, Optimizer optimizer, int epochsDone,
                            DataDescription data) {
        save(file, model, optimizer.kind(), optimizer.steps(), optimizer.state(), epochsDone, data);
    }

    /**
     * Restores parameters, buffers, counters and the optimizer's state and step count; returns the number of
     * epochs done.
     */
    public static int load(Path file, CompiledModel model, Optimizer optimizer) {
        Loaded loaded = load(file, model, optimizer.kind(), optimizer.state());
        optimizer.setSteps(loaded.optimizerSteps());
        return loaded.epochsDone();
    }

    /** Saves SGD's state as {@code velocities[i]}, the velocity of parameter i (same shape). */
    public static void save(Path file, CompiledModel model, List<Tensor> velocities, int epochsDone) {
        save(file, model, velocities, epochsDone, DataDescription.NONE);
    }

    /** As {@link #save(Path, CompiledModel, List, int)}, recording what predictions need to know about the data. */
    public static void save(Path file, CompiledModel model, List<Tensor> velocities, int epochsDone,
                            DataDescription data) {
        save(file, model, Sgd.KIND, 0, List.of(new Optimizer.State(Sgd.VELOCITY, velocities)), epochsDone, data);
    }

    /**
     * Restores parameters and SGD's {@code velocities} (one per parameter, as for
     * {@link #save(Path, CompiledModel, List, int)}); returns the number of epochs done.
     */
    public static int load(Path file, CompiledModel model, List<Tensor> velocities) {
        return load(file, model, Sgd.KIND, List.of(new Optimizer.State(Sgd.VELOCITY, velocities))).epochsDone();
    }

    private static void save(Path file, CompiledModel model, String optimizer, long optimizerSteps,
                             List<Optimizer.State> state, int epochsDone, DataDescription data) {
        List<Parameter> parameters = model.parameters();
        checkState(parameters, state);
        NetworkInfo info = model.info();
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata(NetworkIdentity.FORMAT, FORMAT)
                .metadata(NetworkIdentity.NETWORK, info.name())
                .metadata("network_class", info.networkClass())
                .metadata(NetworkIdentity.SHAPE_HASH, info.shapeHash())
                .metadata("epochs_done", Integer.toString(epochsDone))
                .metadata(OPTIMIZER, optimizer)
                .metadata(OPTIMIZER_STEPS, Long.toString(optimizerSteps));
        data.writeTo(writer, info);
        WeightFiles.addModelTensors(writer, model);
        for (Optimizer.State kind : state) {
            for (int i = 0; i < parameters.size(); i++) {
                Tensor tensor = kind.tensors().get(i);
                long[] shape = HostTensor.shapeOf(tensor.shape());
                writer.add(stateName(parameters.get(i), kind), DType.F32, shape,
                        () -> HostTensor.ofFloats(tensor.download(), shape).bytes());
            }
        }
        writer.writeTo(file); // atomic: a crash leaves the previous checkpoint
    }

    /** What a checkpoint holds besides tensors. */
    private record Loaded(int epochsDone, long optimizerSteps) {}

    /** Nothing is changed unless the whole checkpoint fits the model and the optimizer. */
    private static Loaded load(Path file, CompiledModel model, String optimizer, List<Optimizer.State> state) {
        List<Parameter> parameters = model.parameters();
        checkState(parameters, state);
        TensorFile contents = SafetensorsReader.read(file);
        String source = "Checkpoint " + file;
        if (!FORMAT.equals(contents.metadata().get(NetworkIdentity.FORMAT))) {
            throw new WeightFileException(source + " is not a netc checkpoint (its metadata has no format "
                    + FORMAT + "); pass a file written by a netc training run.");
        }
        NetworkInfo info = model.info();
        NetworkIdentity.check(contents, info, source,
                "resume with the network that wrote it, or start without the checkpoint");
        String saved = contents.metadata().getOrDefault(OPTIMIZER, Sgd.KIND);
        if (!saved.equals(optimizer)) {
            throw new WeightFileException(source + " holds the state of optimizer " + saved + " but this run uses "
                    + optimizer + "; resume with the optimizer that wrote it, or start without the checkpoint.");
        }
        int epochsDone = (int) nonNegative(source, "epochs done", contents.metadata("epochs_done"), Integer.MAX_VALUE);
        String stepsText = contents.metadata().get(OPTIMIZER_STEPS);
        long optimizerSteps = stepsText == null ? 0 : nonNegative(source, "optimizer steps", stepsText, Long.MAX_VALUE);
        List<TensorSlot> slots = new ArrayList<>(WeightFiles.slots(model));
        for (Optimizer.State kind : state) {
            for (int i = 0; i < parameters.size(); i++) {
                slots.add(new TensorSlot.OnDevice(stateName(parameters.get(i), kind), parameters.get(i).shape(),
                        kind.tensors().get(i)));
            }
        }
        TensorMatcher.upload(TensorMatcher.match(contents, slots, name -> name, ExtraTensors.REFUSE, source,
                info.name()));
        return new Loaded(epochsDone, optimizerSteps);
    }

    private static String stateName(Parameter parameter, Optimizer.State state) {
        return parameter.name() + "." + state.suffix();
    }

    private static long nonNegative(String source, String what, String text, long largest) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= largest) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WeightFileException(source + " records '" + text + "' " + what + ", which is not a"
                + " non-negative integer; the file is corrupt.");
    }

    private static void checkState(List<Parameter> parameters, List<Optimizer.State> state) {
        for (Optimizer.State kind : state) {
            List<Tensor> tensors = kind.tensors();
            if (tensors.size() != parameters.size()) {
                throw new IllegalArgumentException("a checkpoint needs one " + kind.suffix() + " tensor per parameter: "
                        + parameters.size() + " parameters, " + tensors.size() + " tensors");
            }
            for (int i = 0; i < parameters.size(); i++) {
                if (!Arrays.equals(parameters.get(i).shape(), tensors.get(i).shape())) {
                    throw new IllegalArgumentException("the " + kind.suffix() + " of " + parameters.get(i)
                            + " has shape " + Arrays.toString(tensors.get(i).shape()));
                }
            }
        }
    }
}
