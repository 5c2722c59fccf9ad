package netc.runtime.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pairs the tensors of a file with the device tensors they load into, checking everything before
 * anything is uploaded: every missing, extra, wrongly typed or wrongly shaped tensor is collected and
 * reported in one error, so a user fixes the file in one go and a model is never half-loaded.
 */
final class TensorMatcher {
    private TensorMatcher() {}

    /**
     * @param rename maps a file name to the slot name it stands for (the identity for own names)
     * @param source the file as the message names it, e.g. "Weight file /path/lenet.safetensors"
     */
    static Map<TensorSlot, HostTensor> match(TensorFile file, List<TensorSlot> slots, UnaryOperator<String> rename,
                                             ExtraTensors extras, String source, String network) {
        Map<String, String> fileNameOf = new LinkedHashMap<>();
        for (String name : file.tensors().keySet()) {
            fileNameOf.putIfAbsent(rename.apply(name), name);
        }
        List<String> problems = new ArrayList<>();
        Map<TensorSlot, HostTensor> matched = new LinkedHashMap<>();
        Set<String> unused = new LinkedHashSet<>(fileNameOf.keySet());
        for (TensorSlot slot : slots) {
            String fileName = fileNameOf.get(slot.name());
            String shown = fileName == null || fileName.equals(slot.name()) ? slot.name()
                    : slot.name() + " (as " + fileName + ")";
            if (fileName == null) {
                problems.add("missing " + slot.name() + " " + Arrays.toString(slot.shape()));
                continue;
            }
            unused.remove(slot.name());
            HostTensor tensor = file.tensors().get(fileName);
            if (tensor.dtype() != DType.F32) {
                problems.add(shown + " is " + tensor.dtype() + " where F32 is needed");
            } else if (!Arrays.equals(tensor.shape(), HostTensor.shapeOf(slot.shape()))) {
                problems.add(shown + " has shape " + Arrays.toString(tensor.shape()) + " where the model needs "
                        + Arrays.toString(slot.shape()));
            } else {
                matched.put(slot, tensor);
            }
        }
        boolean refusedExtras = extras == ExtraTensors.REFUSE && !unused.isEmpty();
        if (refusedExtras) {
            for (String name : unused) {
                problems.add("extra " + fileNameOf.get(name) + " " + file.tensors().get(fileNameOf.get(name)));
            }
        }
        if (!problems.isEmpty()) {
            throw new WeightFileException(source + " does not fit network " + network + " ("
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "): "
                    + String.join("; ", problems)
                    + (refusedExtras ? " (if the extras are not parameters, ignore them: --allow-extra on the command line,"
                            + " ExtraTensors.IGNORE in the API)" : "")
                    + ".");
        }
        return matched;
    }

    /** Uploads every matched tensor; call only with the result of {@link #match}. */
    static void upload(Map<TensorSlot, HostTensor> matched) {
        matched.forEach((slot, tensor) -> slot.target().upload(tensor.floats()));
    }
}
