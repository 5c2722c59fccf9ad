package netc.processor.codegen;

import java.util.HashMap;
import java.util.Map;

/**
 * Layers paired one to one, the first of each pair computing the second inside its own calls (a batch norm
 * and the activation after it, a convolution and the average pool reading it): looked up from either side,
 * as the writers ask of each node whether it absorbs a layer, is absorbed, and which pair it belongs to.
 */
final class LayerPairs {
    private final Map<Integer, Integer> absorbedBy = new HashMap<>();
    private final Map<Integer, Integer> absorberOf = new HashMap<>();

    /** Records that node {@code absorber} computes node {@code absorbed}. */
    void pair(int absorber, int absorbed) {
        absorbedBy.put(absorber, absorbed);
        absorberOf.put(absorbed, absorber);
    }

    /** Whether the node computes another layer in its calls. */
    boolean absorbs(int node) {
        return absorbedBy.containsKey(node);
    }

    /** Whether another layer computes the node in its calls. */
    boolean isAbsorbed(int node) {
        return absorberOf.containsKey(node);
    }

    /** The node's absorber if it is absorbed, else the node itself. */
    int absorberOrSelf(int node) {
        return absorberOf.getOrDefault(node, node);
    }

    /** The absorbing node of the pair the node belongs to, on either side; null where it is in none. */
    Integer pairOf(int node) {
        return absorbs(node) ? Integer.valueOf(node) : absorberOf.get(node);
    }

    /** The layer an absorbing node computes. */
    int absorbedBy(int absorber) {
        return absorbedBy.get(absorber);
    }
}
