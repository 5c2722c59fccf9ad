package netc.processor.graph;

import java.util.List;

/**
 * One instance of a class's member list (the network's, or a block's at one use and repetition): the
 * unit PyTorch numbers an {@code nn.Sequential}'s entries in.
 *
 * @param uses per member in declaration order, whether it is a {@code @Use} (one entry) rather than a layer
 */
public record Scope(int id, List<Boolean> uses) {

    public Scope {
        uses = List.copyOf(uses);
    }
}
