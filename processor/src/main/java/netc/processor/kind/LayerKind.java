package netc.processor.kind;

import java.util.List;
import netc.processor.diag.Report;
import netc.processor.graph.Node;

/**
 * A node kind written as a layer annotation ({@code @Conv}, {@code @BatchNorm}, ...): it names the
 * annotation and the attributes it reads, and checks their values once a block's placeholders are bound.
 * Every kind is listed once in {@link KindRegistry}.
 */
public interface LayerKind extends NodeKind {

    /** The annotation's qualified name, {@code netc.Conv}. */
    String annotation();

    /** The annotation's simple name, as messages write it: {@code Conv}. */
    default String simpleName() {
        return annotation().substring(annotation().lastIndexOf('.') + 1);
    }

    /** The attributes it reads, in the order of its Kind text. */
    List<AttributeSpec> attributes();

    /** Reports every attribute value out of its range; true when all are fine. */
    @Override
    boolean checkAttributes(Node node, Report report);
}
