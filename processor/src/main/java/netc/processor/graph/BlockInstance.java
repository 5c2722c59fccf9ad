package netc.processor.graph;

import java.util.List;
import netc.processor.model.Source;
import netc.processor.model.Value;

/**
 * One expansion of a block: which block, where, on which input, and with which arguments.
 *
 * @param name the block class's simple name, {@code Residual}
 * @param path the instance path, {@code b3.first}
 * @param input the index of the node it reads ({@link Node#INPUT} for the network's input)
 * @param use the {@code @Use} annotation that made it (errors caused by its arguments land on its {@code args})
 * @param args the arguments, bound
 */
public record BlockInstance(String name, String path, int input, Source use, List<Value> args) {

    public BlockInstance {
        args = List.copyOf(args);
    }
}
