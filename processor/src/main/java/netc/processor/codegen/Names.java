package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import netc.processor.model.NetworkSpec;

/**
 * Every identifier the generated model and trainer write, made in one place: the op is named as the
 * layer, its output {@code conv1Out}, that output's gradient {@code dconv1Out}. {@link NameTable}
 * lists them from these same constants and functions, so that a layer name clashing with any of them
 * is a compile error, never generated code that fails to compile or silently reads the wrong tensor.
 */
public final class Names {
    // The model's fields.
    static final String INFO = "INFO";
    static final String FACTORY = "FACTORY";
    static final String INPUT = "input";
    static final String[] WORKSPACES = {"gradientA", "gradientB"};

    // Parameters: the model's constructor, forward and backward; the trainer's fit.
    static final String DEVICE = "device";
    static final String BATCH_SIZE = "batchSize";
    static final String MODE = "mode";
    static final String D_LOGITS = "dLogits";
    static final String OPTIONS = "options";

    // Methods the model declares, and those of CompiledModel it calls; the trainer's one method.
    static final String INPUT_METHOD = "input";
    static final String LOGITS_METHOD = "logits";
    static final String PARAMETERS_METHOD = "parameters";
    static final String FORWARD_METHOD = "forward";
    static final String BACKWARD_METHOD = "backward";
    static final String OWN = "own";
    static final String AFTER = "after";
    static final String DROPOUT_KEY = "dropoutKey";
    static final String CONCAT = "concat";
    static final String FIT = "fit";

    private Names() {}

    /** The layer's op field: the layer's own name. */
    static String op(String layer) {
        return layer;
    }

    static String output(String layer) {
        return layer + "Out";
    }

    static String gradient(String layer) {
        return "d" + layer + "Out";
    }

    /**
     * {@code p.AlexNetModel}, or {@code p.Outer_AlexNetModel} for a nested class: the rule
     * {@link netc.Network}'s Javadoc states, which {@code netc train} follows to find the model.
     */
    public static ClassName model(NetworkSpec spec) {
        return ClassName.get(spec.packageName(), spec.baseName() + "Model");
    }

    /** {@code p.AlexNetTrainer}, by the same rule. */
    public static ClassName trainer(NetworkSpec spec) {
        return ClassName.get(spec.packageName(), spec.baseName() + "Trainer");
    }
}
