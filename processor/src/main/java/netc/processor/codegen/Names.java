package netc.processor.codegen;

import netc.processor.model.ShapedLayer;

/** The generated model's identifiers: the op is named as the layer, its output {@code conv1Out}, that output's gradient {@code dconv1Out}. */
final class Names {
    static final String INPUT = "input";
    static final String D_LOGITS = "dLogits";
    static final String[] WORKSPACES = {"gradientA", "gradientB"};

    private Names() {}

    static String output(ShapedLayer layer) {
        return layer.name() + "Out";
    }

    static String gradient(ShapedLayer layer) {
        return "d" + layer.name() + "Out";
    }
}
