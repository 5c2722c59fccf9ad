package netc.processor.read;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import netc.processor.diag.Report;
import netc.processor.model.BlockSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.UseSpec;

/**
 * The block classes of one processing round, each read once: its errors are reported to whoever asks
 * first (a network using it, or the round's pass over {@code @Block} classes), never twice.
 */
public final class BlockLibrary {
    private final Elements elements;
    private final Map<String, BlockSpec> blocks = new HashMap<>();

    public BlockLibrary(Elements elements) {
        this.elements = elements;
    }

    public BlockSpec read(TypeElement type, Report report) {
        String name = type.getQualifiedName().toString();
        BlockSpec block = blocks.get(name);
        if (block == null) {
            block = BlockReader.read(type, elements, report);
            blocks.put(name, block);
        }
        return block;
    }

    /** Every block these members use, directly or through other blocks, by qualified name. */
    Map<String, BlockSpec> reachable(List<MemberSpec> members, Report report) {
        Map<String, BlockSpec> found = new LinkedHashMap<>();
        Deque<List<MemberSpec>> pending = new ArrayDeque<>();
        pending.add(members);
        while (!pending.isEmpty()) {
            for (MemberSpec member : pending.removeFirst()) {
                if (member instanceof UseSpec use && use.block() != null && !found.containsKey(use.block())) {
                    BlockSpec block = read(elements.getTypeElement(use.block()), report);
                    found.put(use.block(), block);
                    pending.add(block.members());
                }
            }
        }
        return found;
    }
}
