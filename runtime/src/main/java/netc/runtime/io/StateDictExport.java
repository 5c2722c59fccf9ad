package netc.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.TensorInfo;

/**
 * Writes a network's trained tensors under the names of a PyTorch module's {@code state_dict}, so that
 * {@code model.load_state_dict(safetensors.torch.load_file(path))} takes them as they are. The names come
 * from a template: the PyTorch model's own state_dict saved as safetensors
 * ({@code save_file(model.state_dict(), "template.safetensors")}); only its names and shapes are read.
 * Each template name is matched to the network's tensor by the PyTorch paths the compiler recorded
 * ({@link NetworkInfo#tensorForTorchName}: level by level the field's name or its place in an
 * {@code nn.Sequential}, so d2l's {@code 0.weight}, {@code 2.0.bn1.running_mean} and
 * {@code 1.net.3.0.weight} all find their tensor); for a description without tensors, by the network's
 * own names or an {@code nn.Sequential}'s numbered ones taken in layer order. Every template tensor must
 * be matched with PyTorch's shape, and every tensor of the network used, or nothing is written.
 *
 * <p>A BatchNorm's {@code num_batches_tracked} counter, which netc does not save, is left out; PyTorch's
 * BatchNorm fills in a missing one when loading a plain dict.
 */
public final class StateDictExport {
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
        UnaryOperator<String> toNetc = toNetcNames(network, template, netcNames);
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata("format", "pt")
                .metadata(NetworkIdentity.NETWORK, network.name());
        List<String> problems = new ArrayList<>();
        List<String> used = new ArrayList<>();
        template.tensors().forEach((torchName, shape) -> {
            if (WeightFiles.isBatchCounter(torchName)) {
                return;
            }
            String netcName = toNetc.apply(torchName);
            HostTensor tensor = tensors.get(netcName);
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

    /** The template's names in netc's terms. */
    private static UnaryOperator<String> toNetcNames(NetworkInfo network, TensorFile template, List<String> netcNames) {
        if (!network.parameters().isEmpty()) {
            return name -> network.tensorForTorchName(name).map(TensorInfo::name).orElse(name);
        }
        return SequentialNames.renaming(template.tensors().keySet(), netcNames).orElse(UnaryOperator.identity());
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
