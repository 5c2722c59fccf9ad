package netc.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Sgd;

/**
 * A training checkpoint as one safetensors file: every parameter and buffer (BatchNorm's running
 * statistics), the optimizer's velocities, the epoch reached, and the network's shape hash (a checkpoint of another network is refused). Written
 * atomically: a crash mid-write leaves the previous checkpoint intact.
 *
 * <p>Parameters keep their own names; the velocity of {@code conv1.weight} is {@code conv1.weight.velocity}.
 * What the training data was, as far as predictions need it (class names, the input's normalisation), is
 * metadata: see {@link DataDescription}.
 */
public final class Checkpoint {
    static final String FORMAT = "netc-checkpoint-1";
    private static final String VELOCITY = ".velocity";

    private Checkpoint() {}

    public static void save(Path file, CompiledModel model, Sgd optimizer, int epochsDone) {
        save(file, model, velocities(model, optimizer), epochsDone, DataDescription.NONE);
    }

    /**
     * As {@link #save(Path, CompiledModel, Sgd, int)}, recording what predictions need to know about the
     * training data: the classes' names and the input's normalisation.
     */
    public static void save(Path file, CompiledModel model, Sgd optimizer, int epochsDone, DataDescription data) {
        save(file, model, velocities(model, optimizer), epochsDone, data);
    }

    /** Restores parameters and velocities; returns the number of epochs done. */
    public static int load(Path file, CompiledModel model, Sgd optimizer) {
        return load(file, model, velocities(model, optimizer));
    }

    /** Saves with {@code velocities[i]} the optimizer state of parameter i (same shape). */
    public static void save(Path file, CompiledModel model, List<Tensor> velocities, int epochsDone) {
        save(file, model, velocities, epochsDone, DataDescription.NONE);
    }

    /**
     * Saves with {@code velocities[i]} the optimizer state of parameter i (same shape) and what predictions
     * need to know about the training data (its class names, the input's normalisation).
     */
    public static void save(Path file, CompiledModel model, List<Tensor> velocities, int epochsDone,
                            DataDescription data) {
        List<Parameter> parameters = model.parameters();
        checkVelocities(parameters, velocities);
        NetworkInfo info = model.info();
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata(NetworkIdentity.FORMAT, FORMAT)
                .metadata(NetworkIdentity.NETWORK, info.name())
                .metadata("network_class", info.networkClass())
                .metadata(NetworkIdentity.SHAPE_HASH, info.shapeHash())
                .metadata("epochs_done", Integer.toString(epochsDone));
        data.writeTo(writer, info);
        WeightFiles.addParameters(writer, parameters);
        WeightFiles.addBuffers(writer, model.buffers());
        for (int i = 0; i < parameters.size(); i++) {
            Tensor velocity = velocities.get(i);
            long[] shape = HostTensor.shapeOf(velocity.shape());
            writer.add(parameters.get(i).name() + VELOCITY, DType.F32, shape,
                    () -> HostTensor.ofFloats(velocity.download(), shape).bytes());
        }
        writer.writeTo(file); // atomic: a crash leaves the previous checkpoint
    }

    /**
     * Restores parameters and {@code velocities} (one per parameter, as for {@link #save}); returns the
     * number of epochs done. Nothing is changed unless the whole checkpoint fits the model.
     */
    public static int load(Path file, CompiledModel model, List<Tensor> velocities) {
        List<Parameter> parameters = model.parameters();
        checkVelocities(parameters, velocities);
        TensorFile contents = SafetensorsReader.read(file);
        String source = "Checkpoint " + file;
        if (!FORMAT.equals(contents.metadata().get(NetworkIdentity.FORMAT))) {
            throw new WeightFileException(source + " is not a netc checkpoint (its metadata has no format "
                    + FORMAT + "); pass a file written by a netc training run.");
        }
        NetworkInfo info = model.info();
        NetworkIdentity.check(contents, info, source,
                "resume with the network that wrote it, or start without the checkpoint");
        int epochsDone = epochsDone(source, contents.metadata("epochs_done"));
        List<TensorSlot> slots = new ArrayList<>(WeightFiles.slots(parameters));
        slots.addAll(WeightFiles.bufferSlots(model.buffers()));
        for (int i = 0; i < parameters.size(); i++) {
            slots.add(new TensorSlot(parameters.get(i).name() + VELOCITY, parameters.get(i).shape(), velocities.get(i)));
        }
        TensorMatcher.upload(TensorMatcher.match(contents, slots, name -> name, ExtraTensors.REFUSE, source,
                info.name()));
        return epochsDone;
    }

    private static int epochsDone(String source, String text) {
        try {
            int epochs = Integer.parseInt(text);
            if (epochs >= 0) {
                return epochs;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WeightFileException(source + " records '" + text + "' epochs done, which is not a"
                + " non-negative integer; the file is corrupt.");
    }

    private static List<Tensor> velocities(CompiledModel model, Sgd optimizer) {
        List<Tensor> velocities = new ArrayList<>();
        for (int i = 0; i < model.parameters().size(); i++) {
            velocities.add(optimizer.velocity(i));
        }
        return velocities;
    }

    private static void checkVelocities(List<Parameter> parameters, List<Tensor> velocities) {
        if (velocities.size() != parameters.size()) {
            throw new IllegalArgumentException("a checkpoint needs one velocity per parameter: " + parameters.size()
                    + " parameters, " + velocities.size() + " velocities");
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (!Arrays.equals(parameters.get(i).shape(), velocities.get(i).shape())) {
                throw new IllegalArgumentException("the velocity of " + parameters.get(i) + " has shape "
                        + Arrays.toString(velocities.get(i).shape()));
            }
        }
    }
}
