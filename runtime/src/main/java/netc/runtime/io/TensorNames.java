package netc.runtime.io;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.TensorInfo;

/**
 * Reads a file's tensor names in a network's own terms. A name is either the network's own
 * ({@code conv2.weight}, {@code b3.first.bn1.running_mean}) or a key of the {@code state_dict} of the PyTorch
 * module the network mirrors ({@code 3.weight}, {@code 2.0.bn1.running_mean}), which the compiled PyTorch
 * paths map to the network's tensor ({@link NetworkInfo#tensorForTorchName}): level by level the field's
 * name or its slot, the repetition of a repeated block, then PyTorch's suffix. So d2l's {@code nn.Sequential}
 * numbering and its named children ({@code Residual.conv1}) both load without a name map. A name that goes on
 * past a tensor's ({@code 3.weight.grad}, {@code 1.net.3.0.running_var.after_step}) reads as that tensor's own
 * name with the same ending ({@code conv2.weight.grad}); any other name is left as it is.
 */
final class TensorNames {
    private final NetworkInfo network;
    private final Set<String> own;
    private final Map<String, Optional<String>> tensorOf = new HashMap<>();

    /** @param own the names of the model's tensors (its parameters, buffers and counters) */
    TensorNames(NetworkInfo network, Collection<String> own) {
        this.network = network;
        this.own = Set.copyOf(own);
    }

    /** The network's own name for {@code fileName}, or {@code fileName} itself when it names nothing of ours. */
    String ownName(String fileName) {
        Optional<String> whole = tensorName(fileName);
        if (whole.isPresent()) {
            return whole.get();
        }
        for (int dot = fileName.lastIndexOf('.'); dot > 0; dot = fileName.lastIndexOf('.', dot - 1)) {
            Optional<String> stem = tensorName(fileName.substring(0, dot));
            if (stem.isPresent()) {
                return stem.get() + fileName.substring(dot);
            }
        }
        return fileName;
    }

    /** Whether {@code fileName} is a PyTorch name of one of our tensors, and not our own name for it. */
    boolean isTorchName(String fileName) {
        return !own.contains(fileName) && tensorName(fileName).isPresent();
    }

    private Optional<String> tensorName(String name) {
        if (own.contains(name)) {
            return Optional.of(name);
        }
        return tensorOf.computeIfAbsent(name, key -> network.tensorForTorchName(key).map(TensorInfo::name)
                .filter(own::contains));
    }
}
