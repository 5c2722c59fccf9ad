package netc.processor.check;

import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.Shape;
import netc.processor.model.Source;

/** Checks a network's input shape; each layer kind checks its own attributes. */
public final class AttributeRule {
    private AttributeRule() {}

    /** Input dimensions must be at least 1. */
    public static void checkInput(String network, Shape input, Source at, Report report) {
        atLeastOne(network, "channels", input.channels(), at, report);
        atLeastOne(network, "height", input.height(), at, report);
        atLeastOne(network, "width", input.width(), at, report);
    }

    private static void atLeastOne(String network, String attribute, long value, Source at, Report report) {
        if (value < 1) {
            report.error(Diagnostic.NON_POSITIVE, at.at(attribute), network, "Network", attribute, value, attribute,
                    attribute);
        }
    }
}
