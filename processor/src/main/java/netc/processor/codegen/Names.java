package netc.processor.codegen;

import com.palantir.javapoet.ClassName;
import netc.processor.model.NetworkSpec;

/**
 * Every identifier the generated model and trainer write, made in one place: a node's op is named by
 * its identifier ({@code conv1}, {@code b3_first_conv1}), its output {@code conv1Out}, that output's
 * gradient {@code dconv1Out}. {@link NameTable} lists them from these same constants and functions, so
 * that a layer name clashing with any of them is a compile error, never generated code that fails to
 * compile or silently reads the wrong tensor. The kinds write their calls with them too.
 */
public final class Names {
    // The model's fields.
    static final String INFO = "INFO";
    static final String FACTORY = "FACTORY";
    static final String INPUT = "input";
    /** The block of device memory every output and gradient is a view of. */
    static final String MEMORY = "memory";
    /** The block of device memory the ops share for what they use only inside one call. */
    public static final String SCRATCH = "scratch";
    /** The {@code TensorArithmetic} that copies and adds gradients where tensors feed several nodes. */
    static final String ARITHMETIC = "arithmetic";
    /** Scratch gradient fields run {@code gradientA} … {@code gradientZ}, then {@code gradientZ1}, ... */
    static final int LETTERED_WORKSPACES = 26;

    // Parameters: the model's constructor, forward and backward; the trainer's fit.
    public static final String DEVICE = "device";
    /** The constructor's parameter, and that of each row's memory function in {@code INFO}, as its op gets it. */
    public static final String BATCH_SIZE = "batchSize";
    public static final String MODE = "mode";
    static final String D_LOGITS = "dLogits";
    static final String OPTIONS = "options";

    // Methods the model declares, and those of CompiledModel it calls; the trainer's one method.
    static final String INPUT_METHOD = "input";
    static final String LOGITS_METHOD = "logits";
    static final String PARAMETERS_METHOD = "parameters";
    static final String BUFFERS_METHOD = "buffers";
    static final String FORWARD_METHOD = "forward";
    static final String BACKWARD_METHOD = "backward";
    static final String OWN = "own";
    static final String AFTER = "after";
    public static final String DROPOUT_KEY = "dropoutKey";
    public static final String ACTIVE_ROWS = "activeRows";
    static final String BATCH_SIZE_METHOD = "batchSize";
    static final String CONCAT = "concat";
    static final String FIT = "fit";

    private Names() {}

    /** A node's op field: its identifier. */
    static String op(String node) {
        return node;
    }

    static String output(String node) {
        return node + "Out";
    }

    static String gradient(String node) {
        return "d" + node + "Out";
    }

    /**
     * The scratch fields where a consumer that is not the first to reach a tensor makes its part of that
     * tensor's gradient before adding it: {@code gradientA}, {@code gradientB}, ...
     */
    static String workspace(int number) {
        return number < LETTERED_WORKSPACES ? "gradient" + (char) ('A' + number)
                : "gradientZ" + (number - LETTERED_WORKSPACES + 1);
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
