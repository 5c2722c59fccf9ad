package netc.processor.model;

import java.util.List;

/**
 * A {@code @Use} field: the block it stands for and the values it binds.
 *
 * @param block the block class's qualified name; null when it is not a {@code @Block} (already reported)
 * @param args the {@code args} elements, each with its own source (placeholders when the use sits in a block)
 * @param repeat how many copies run in a row (a placeholder when bound by an outer use)
 * @param repeated whether {@code repeat} is written: the copies are then an {@code nn.Sequential} of their own
 *     (PyTorch names them {@code net.0}, {@code net.1}, ...), even a single one
 */
public record UseSpec(String name, String block, List<Value> args, Value repeat, boolean repeated,
                      Placement placement, Source source) implements MemberSpec {

    public UseSpec {
        args = List.copyOf(args);
    }
}
