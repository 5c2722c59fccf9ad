package netc.processor.model;

import java.util.List;
import java.util.Map;

/**
 * A {@code @Network} class as declared: where it lives, one example's input shape, its members in
 * field order, and every block class they use, directly or through other blocks.
 *
 * @param packageName the package, where the generated classes go too ("" for the unnamed one)
 * @param simpleName the class's own name, {@code AlexNet}
 * @param binaryName what {@code Class.forName} takes, {@code p.Outer$AlexNet} when nested
 * @param baseName the generated classes' prefix: the simple name, or {@code Outer_AlexNet} when nested
 * @param blocks the blocks by qualified name
 */
public record NetworkSpec(String packageName, String simpleName, String binaryName, String baseName,
                          Shape input, List<MemberSpec> members, Map<String, BlockSpec> blocks, Source source) {

    public NetworkSpec {
        members = List.copyOf(members);
        blocks = Map.copyOf(blocks);
    }
}
