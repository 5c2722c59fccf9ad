package netc.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netc.runtime.model.NetworkInfo;

/**
 * Writes a network's trained tensors under the names of a PyTorch module's {@code state_dict}, so that
 * {@code model.load_state_dict(safetensors.torch.load_file(path))} takes them as they are. The names come
 * from a template: the PyTorch model's own state_dict saved as safetensors
 * ({@code save_file(model.state_dict(), "template.safetensors")}); only its names and shapes are read.
 * Each template name is matched to the network's tensor as loading matches it: the network's own name,
 * or the PyTorch name the network's compiled PyTorch paths give it ({@code 3.weight} is LeNet's
 * {@code conv2.weight}, {@code 1.net.3.0.running_var} DenseNet's {@code dense1.net[3].bn.running_var}; see
 * {@link TensorNames}). Parameters, buffers (running statistics) and {@code num_batches_tracked} (I64) are
 * all exported. Every template tensor must be matched with PyTorch's shape, or nothing is written.
 *
 * <p>One exception: a file netc wrote before it saved batch norms' counters has no
 * {@code num_batches_tracked}; that entry is then left out, and PyTorch's BatchNorm fills in a missing one
 * when loading a plain dict.
 */
public final class StateDictExport {
    private static final String BATCH_COUNTER = "num_batches_tracked";

    private StateDictExport() {}

    /**
     * @param trained a netc checkpoint or weight file of {@code network}; its optimizer state is not exported
     * @param template the PyTorch model's state_dict as safetensors
     * @param output the file to write, atomically
     */
    public static void write(TensorFile trained, NetworkInfo network, TensorFile template, Path output) {
        WeightFiles.checkNetwork(trained, network);
        Map<String, HostTensor> tensors = modelTensors(trained);
        List<String> netcNames = List.copyOf(tensors.keySet());
        TensorNames toNetc = new TensorNames(network, netcNames);
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata("format", "pt")
                .metadata(NetworkIdentity.NETWORK, network.name());
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        template.tensors().forEach((torchName, shape) -> {
            String netcName = toNetc.ownName(torchName);
            HostTensor tensor = tensors.get(netcName);
            if (tensor == null && isCounter(torchName) && isCounter(netcName)) {
                return; // an older netc file, written before counters were saved
            }
            String shown = netcName.equals(torchName) ? torchName : torchName + " (" + netcName + ")";
            if (tensor == null) {
                problems.add(shown + " " + Arrays.toString(shape.shape()) + " has no tensor in the file");
            } else if (!Arrays.equals(tensor.shape(), shape.shape())) {
                problems.add(shown + " is " + Arrays.toString(shape.shape()) + " in the template but "
                        + Arrays.toString(tensor.shape()) + " in the file");
            } else {
                writer.add(torchName, tensor);
                used.add(netcName);
            }
        });
        List<String> unused = new ArrayList<>(netcNames);
        unused.removeAll(used);
        unused.forEach(name -> problems.add(name + " " + Arrays.toString(tensors.get(name).shape())
                + " has no place in the template"));
        if (!problems.isEmpty()) {
            throw new WeightFileException("The template " + template.file() + " does not fit " + network.name()
                    + "'s tensors in " + trained.file() + " (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems)
                    + "; save the template from the PyTorch module that mirrors " + network.name() + ", its layers"
                    + " in the same order.");
        }
        writer.writeTo(output);
    }

    private static boolean isCounter(String name) {
        return name.equals(BATCH_COUNTER) || name.endsWith("." + BATCH_COUNTER);
    }

    /**
     * Writes {@code trained}'s model tensors under their own names without the optimizer's state: a weight
     * file that loads with {@code load_state_dict} into a PyTorch module whose attributes are named as the
     * network's fields, and with netc as any weight file. The network's identity and what the file records
     * about its data (class names, normalisation) are kept.
     */
    public static void writeOwnNames(TensorFile trained, NetworkInfo network, Path output) {
        WeightFiles.checkNetwork(trained, network);
        DataDescription data = DataDescription.read(trained, network);
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata("format", "pt")
                .metadata(NetworkIdentity.NETWORK, network.name())
                .metadata(NetworkIdentity.SHAPE_HASH, network.shapeHash());
        data.writeTo(writer, network);
        modelTensors(trained).forEach(writer::add);
        writer.writeTo(output);
    }

    /**
     * The file's tensors without optimizer state: a tensor named after another one plus a suffix
     * ({@code conv1.weight.velocity}) belongs to the optimizer, not to the model.
     */
    static Map<String, HostTensor> modelTensors(TensorFile file) {
        Map<String, HostTensor> model = new LinkedHashMap<>();
        file.tensors().forEach((name, tensor) -> {
            if (ownerOf(name, file).isEmpty()) {
                model.put(name, tensor);
            }
        });
        return model;
    }

    private static Optional<String> ownerOf(String name, TensorFile file) {
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            if (file.tensors().containsKey(name.substring(0, dot))) {
                return Optional.of(name.substring(0, dot));
            }
        }
        return Optional.empty();
    }
}
