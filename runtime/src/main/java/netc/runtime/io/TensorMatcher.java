package netc.runtime.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Pairs the tensors of a file with the tensors they load into (see {@link TensorSlot}), checking everything before
 * anything is uploaded: every missing, extra, wrongly typed or wrongly shaped tensor is collected and
 * reported in one error (and two file names for one tensor), so a user fixes the file in one go and a model is
 * never half-loaded.
 */
final class TensorMatcher {
    private TensorMatcher() {}

    /**
     * @param rename maps a file name to the slot name it stands for (the identity for own names)
     * @param source the file as the message names it, e.g. "Weight file /path/lenet.safetensors"
     */
    static Map<TensorSlot, HostTensor> match(TensorFile file, List<TensorSlot> slots, UnaryOperator<String> rename,
                                             ExtraTensors extras, String source, String network) {
        List<String> problems = new ArrayList<>();
        Set<String> slotNames = new HashSet<>();
        slots.forEach(slot -> slotNames.add(slot.name()));
        Map<String, String> fileNameOf = new LinkedHashMap<>();
        for (String name : file.tensors().keySet()) {
            String slotName = rename.apply(name);
            String earlier = fileNameOf.putIfAbsent(slotName, name);
            if (earlier != null && slotNames.contains(slotName)) {
                problems.add(earlier + " and " + name + " both name " + slotName);
            }
        }
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
            String valueProblem;
            if (tensor.dtype() != slot.dtype()) {
                problems.add(shown + " is " + tensor.dtype() + " where " + slot.dtype() + " is needed");
            } else if (!Arrays.equals(tensor.shape(), slot.shape())) {
                problems.add(shown + " has shape " + Arrays.toString(tensor.shape()) + " where the model needs "
                        + Arrays.toString(slot.shape()));
            } else if ((valueProblem = slot.valueProblem(tensor)) != null) {
                problems.add(valueProblem);
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

    /** Loads every matched tensor; call only with the result of {@link #match}. */
    static void upload(Map<TensorSlot, HostTensor> matched) {
        matched.forEach(TensorSlot::load);
    }
}
