package netc.processor.kind;

import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.graph.Node;

/** Range rules that several kinds share, each reported on the attribute (or use argument) that broke it. */
final class AttributeChecks {
    private AttributeChecks() {}

    static boolean atLeastOne(Node node, String annotation, String attribute, Report report) {
        int value = node.attributes().integer(attribute);
        if (value >= 1) {
            return true;
        }
        report.error(Diagnostic.NON_POSITIVE, node.attributes().source(attribute), node.path(), annotation, attribute,
                value, attribute, attribute);
        return false;
    }

    static boolean notNegativePadding(Node node, String annotation, Report report) {
        int padding = node.attributes().integer("padding");
        if (padding >= 0) {
            return true;
        }
        report.error(Diagnostic.NEGATIVE_PADDING, node.attributes().source("padding"), node.path(), annotation,
                padding);
        return false;
    }
}
