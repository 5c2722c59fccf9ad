package netc.spark;

import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.HostCounter;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;
import netc.runtime.ops.Optimizer;

/**
 * Moves the state a worker's steps change between a model with its optimizer and a {@link ReplicaState}:
 * parameters, then buffers, then each kind of optimizer state, each in the model's order. Replicas of
 * one network built alike list them alike, so the flat arrays of two workers add element by element.
 */
final class ModelState {
    private ModelState() {}

    /** Reads the state back from the device (waits for it). */
    static ReplicaState read(CompiledModel model, Optimizer optimizer) {
        List<Tensor> tensors = tensors(model, optimizer);
        float[] values = new float[Math.toIntExact(totalSize(tensors))];
        int offset = 0;
        for (Tensor tensor : tensors) {
            float[] part = tensor.download();
            System.arraycopy(part, 0, values, offset, part.length);
            offset += part.length;
        }
        List<HostCounter> counters = model.counters();
        long[] counts = new long[counters.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = counters.get(i).get();
        }
        return new ReplicaState(values, counts, optimizer.steps());
    }

    /** Writes {@code state} into the model and optimizer; a state of another network is refused. */
    static void write(ReplicaState state, CompiledModel model, Optimizer optimizer) {
        List<Tensor> tensors = tensors(model, optimizer);
        long expected = totalSize(tensors);
        if (state.values().length != expected || state.counters().length != model.counters().size()) {
            throw new IllegalArgumentException("a replica of " + model.info().name() + " holds " + expected
                    + " values and " + model.counters().size() + " counters, but the state sent holds "
                    + state.values().length + " and " + state.counters().length + "; every worker must run the same"
                    + " network with the same optimizer.");
        }
        int offset = 0;
        for (Tensor tensor : tensors) {
            int size = Math.toIntExact(tensor.size());
            tensor.buffer().write(state.values(), offset, 0, size);
            offset += size;
        }
        List<HostCounter> counters = model.counters();
        for (int i = 0; i < counters.size(); i++) {
            counters.get(i).set(state.counters()[i]);
        }
        optimizer.setSteps(state.optimizerSteps());
    }

    private static List<Tensor> tensors(CompiledModel model, Optimizer optimizer) {
        List<Tensor> tensors = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            tensors.add(parameter.value());
        }
        for (StateTensor buffer : model.buffers()) {
            tensors.add(buffer.value());
        }
        for (Optimizer.State state : optimizer.state()) {
            tensors.addAll(state.tensors());
        }
        return tensors;
    }

    private static long totalSize(List<Tensor> tensors) {
        long total = 0;
        for (Tensor tensor : tensors) {
            total += tensor.size();
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a model whose state holds " + total + " floats is past what one Java"
                    + " array can send (2^31 − 9); data-parallel training of such a model needs sharded averaging,"
                    + " which netc-spark does not do yet.");
        }
        return total;
    }
}
