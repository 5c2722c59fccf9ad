package netc.processor.check;

import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.LayerSpec;
import netc.processor.model.Shape;
import netc.processor.model.Source;

/** Checks each attribute of a layer annotation, and the input shape, against its allowed range. */
public final class AttributeRule {
    private AttributeRule() {}

    /** Input dimensions must be at least 1. */
    public static void checkInput(String network, Shape input, Source at, Report report) {
        atLeastOne(network, "Network", "channels", input.channels(), at, report);
        atLeastOne(network, "Network", "height", input.height(), at, report);
        atLeastOne(network, "Network", "width", input.width(), at, report);
    }

    public static void check(LayerSpec layer, Report report) {
        String name = layer.name();
        Source at = layer.source();
        if (layer instanceof LayerSpec.Conv conv) {
            atLeastOne(name, "Conv", "out", conv.out(), at, report);
            atLeastOne(name, "Conv", "kernel", conv.kernel(), at, report);
            atLeastOne(name, "Conv", "stride", conv.stride(), at, report);
            notNegativePadding(name, "Conv", conv.padding(), at, report);
        } else if (layer instanceof LayerSpec.Pool pool) {
            String annotation = pool.kind().annotation();
            atLeastOne(name, annotation, "kernel", pool.kernel(), at, report);
            if (pool.stride() < 0) {
                report.error(Diagnostic.NEGATIVE_POOL_STRIDE, at.at("stride"), name, annotation, pool.stride());
            }
            notNegativePadding(name, annotation, pool.padding(), at, report);
            if (pool.kernel() >= 1 && pool.padding() > pool.kernel() / 2) {
                report.error(Diagnostic.POOL_PADDING_TOO_LARGE, at.at("padding"), name, annotation, pool.padding(),
                        pool.kernel(), pool.kernel() / 2, pool.kernel() / 2);
            }
        } else if (layer instanceof LayerSpec.Dense dense) {
            if (dense.in() != netc.Dense.INFERRED && dense.in() < 1) {
                report.error(Diagnostic.DENSE_INPUT_INVALID, at.at("in"), name, dense.in());
            }
            atLeastOne(name, "Dense", "out", dense.out(), at, report);
        } else if (layer instanceof LayerSpec.Dropout dropout) {
            // Written this way round so that NaN, which fails every comparison, is rejected too.
            if (!(dropout.p() >= 0 && dropout.p() < 1)) {
                report.error(Diagnostic.DROPOUT_RANGE, at.at("value"), name, dropout.p());
            } else if (!((float) dropout.p() < 1f)) {
                // The runtime computes in float32: judge the value it will see. Rounding can only reach 1
                // from below; a tiny p that rounds to 0 keeps its meaning (almost never drop), and 0 is valid.
                report.error(Diagnostic.DROPOUT_ROUNDS_TO_ONE, at.at("value"), name, dropout.p(),
                        Math.nextDown(1f));
            }
        }
    }

    private static void atLeastOne(String name, String annotation, String attribute, long value, Source at,
                                   Report report) {
        if (value < 1) {
            report.error(Diagnostic.NON_POSITIVE, at.at(attribute), name, annotation, attribute, value, attribute,
                    attribute);
        }
    }

    private static void notNegativePadding(String name, String annotation, int padding, Source at, Report report) {
        if (padding < 0) {
            report.error(Diagnostic.NEGATIVE_PADDING, at.at("padding"), name, annotation, padding);
        }
    }
}
