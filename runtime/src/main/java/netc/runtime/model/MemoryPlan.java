package netc.runtime.model;

import java.util.List;

/**
 * Where a generated model keeps its layers' outputs and their gradients: every one is a view of a single
 * block of {@code floatsPerExample × batch} floats, placed by the compiler from when each tensor is live,
 * so that two tensors share memory only if no step of the training step needs both.
 *
 * <p>Steps are numbered over one training step: the forward pass's nodes first ({@code 0 … n−1}, a node's
 * step is its row in the shape table), then the backward pass's, in the order it runs them ({@code n …}).
 * A tensor is live from the step that writes it to the last step that reads it, both included; the logits
 * stay live to the end, since the loss and the caller read them after the forward pass.
 *
 * @param floatsPerExample the block's size per example; every offset and size scales with the batch
 * @param placements each tensor's place and live range, empty for a plan made by {@link #ofChain}
 * @param writtenOverInput the layers, named as in the shape table, that write their output over their input
 *     (an activation or dropout whose input nothing reads afterwards): each has no placement of its own, its
 *     output being its input's tensor. A flatten, whose output is its input read differently, is not listed.
 */
public record MemoryPlan(long floatsPerExample, List<Placement> placements, List<String> writtenOverInput) {

    /**
     * One tensor's place in the block, per example, and the steps it is live in.
     *
     * @param tensor the generated model's field: {@code conv1Out}, {@code dconv1Out}
     * @param offset where it starts, in floats per example
     * @param size its length, in floats per example
     * @param firstStep the step that writes it
     * @param lastStep the last step that reads it
     */
    public record Placement(String tensor, long offset, long size, int firstStep, int lastStep) {
        /** Whether both are live at some step. */
        public boolean livesWith(Placement other) {
            return firstStep <= other.lastStep && other.firstStep <= lastStep;
        }

        /** Whether their places overlap. */
        public boolean overlaps(Placement other) {
            return offset < other.offset + other.size && other.offset < offset + size;
        }
    }

    public MemoryPlan {
        placements = List.copyOf(placements);
        writtenOverInput = List.copyOf(writtenOverInput);
    }

    /** A plan in which every layer but a flatten has an output tensor of its own. */
    public MemoryPlan(long floatsPerExample, List<Placement> placements) {
        this(floatsPerExample, placements, List.of());
    }

    /**
     * The plan the code generator made before it planned by liveness, for a shape table built by hand
     * (tools, tests): every output kept, and the gradients between layers alternating between two
     * workspaces as large as the largest of them. It overstates what a generated model allocates.
     */
    public static MemoryPlan ofChain(List<LayerRow> layers) {
        long outputs = 0;
        long largest = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).kind().equals("Flatten")) {
                continue; // its output is its input
            }
            long size = layers.get(i).outputShape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
            outputs += size;
            if (i < layers.size() - 1) {
                largest = Math.max(largest, size);
            }
        }
        return new MemoryPlan(outputs + Math.min(2, Math.max(0, layers.size() - 1)) * largest, List.of());
    }
}
