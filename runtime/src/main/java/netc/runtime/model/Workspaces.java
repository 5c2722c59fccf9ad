package netc.runtime.model;

import java.util.List;

/**
 * The gradient workspaces a generated model allocates: how many, and how many floats per example each
 * holds (all are as large as the largest gradient they carry). A chain alternates between two; a
 * network with joins needs as many as its gradients' live ranges overlap.
 *
 * @param count how many workspaces
 * @param size floats per example in each
 */
public record Workspaces(int count, long size) {

    /**
     * What a chain of these layers needs: every output but the last one's gets a gradient, alternating
     * between (at most) two workspaces as large as the largest of them.
     */
    public static Workspaces ofChain(List<LayerRow> layers) {
        long largest = 0;
        for (LayerRow layer : layers.subList(0, Math.max(0, layers.size() - 1))) {
            largest = Math.max(largest, layer.outputShape().stream().mapToLong(Integer::longValue)
                    .reduce(1, (a, b) -> a * b));
        }
        return new Workspaces(Math.max(0, Math.min(2, layers.size() - 1)), largest);
    }
}
