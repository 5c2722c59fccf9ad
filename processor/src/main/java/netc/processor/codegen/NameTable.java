package netc.processor.codegen;

import java.util.ArrayList;
import java.util.List;
import netc.processor.kind.KindRegistry;

/**
 * Every identifier the generated model and trainer use, made by the same {@link Names} constants and
 * functions the writers and the kinds use, with what each one is for. {@link netc.processor.check.NameRule}
 * reports a network's layer whose names collide with any other entry, and {@link Identifiers} names the
 * nodes inside blocks around every entry, so generated code can neither fail to compile nor quietly read
 * one tensor for another (a backward local {@code dconv1Out} hiding a field of that name).
 *
 * <p>Java keeps variables and methods apart, so the table does too: a layer named {@code forward} is
 * fine. Type names that the code writes in expressions ({@code Activation.RELU}, {@code List.of},
 * {@code NetModel::new}) count as variables, since a field of that name would obscure them. Entries that
 * only some networks use (the {@code Activation} type, the gradient scratch a graph may need) are always listed:
 * a table that is too large forbids a name, one that is too small miscompiles.
 */
public final class NameTable {
    /** The generated class an identifier lives in. */
    public enum GeneratedClass { MODEL, TRAINER }

    /** Which of Java's name spaces it lives in; only names in the same one can collide. */
    public enum Namespace { VARIABLE, METHOD }

    /**
     * One identifier.
     *
     * @param what what it is for, as a message says it: "output tensor field"
     * @param layer the node it is made from, or null for the names every model uses
     * @param layerIndex that node's position in the given list, or -1
     */
    public record Identifier(String name, GeneratedClass in, Namespace namespace, String what, String layer,
                             int layerIndex) {
        public boolean fromLayer() {
            return layer != null;
        }

        /** "the input tensor field", "conv1's output tensor field", "this layer's output tensor field". */
        public String describe(boolean ownLayer) {
            return layer == null ? what : (ownLayer ? "this layer" : layer) + "'s " + what;
        }
    }

    private NameTable() {}

    /**
     * The table for a network whose generated classes are {@code model} and {@code trainer} (simple names)
     * and whose nodes have these identifiers, in order (the last one's gradient is backward's parameter).
     */
    public static List<Identifier> of(String model, String trainer, List<String> nodes) {
        return of(model, trainer, nodes, nodes.isEmpty() ? null : nodes.get(nodes.size() - 1));
    }

    /** As {@link #of(String, String, List)}, where {@code output} (perhaps none of them) is the network's output. */
    public static List<Identifier> of(String model, String trainer, List<String> nodes, String output) {
        List<Identifier> table = fixed(model, trainer);
        GeneratedClass m = GeneratedClass.MODEL;
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            table.add(new Identifier(Names.op(node), m, Namespace.VARIABLE, "field", node, i));
            table.add(new Identifier(Names.output(node), m, Namespace.VARIABLE, "output tensor field", node, i));
            if (!node.equals(output)) {
                table.add(new Identifier(Names.gradient(node), m, Namespace.VARIABLE,
                        "output gradient tensor field", node, i));
            }
        }
        return List.copyOf(table);
    }

    /** The names every model and trainer use, whatever the network. */
    public static List<Identifier> fixed(String model, String trainer) {
        List<Identifier> table = new ArrayList<>();
        GeneratedClass m = GeneratedClass.MODEL;
        variable(table, m, Names.INFO, "the NetworkInfo constant INFO");
        variable(table, m, Names.FACTORY, "the ModelFactory constant FACTORY");
        variable(table, m, Names.INPUT, "the input tensor field");
        variable(table, m, Names.MEMORY, "the memory field every output and gradient is a view of");
        variable(table, m, Names.SCRATCH, "the scratch field the ops share");
        variable(table, m, Names.ARITHMETIC, "the TensorArithmetic field that adds gradients");
        for (int i = 0; i < Names.LETTERED_WORKSPACES; i++) {
            variable(table, m, Names.workspace(i), "a gradient scratch field");
        }
        variable(table, m, Names.DEVICE, "the constructor's parameter 'device'");
        variable(table, m, Names.BATCH_SIZE, "the constructor's parameter 'batchSize'");
        variable(table, m, Names.MODE, "forward's parameter 'mode'");
        variable(table, m, Names.D_LOGITS, "backward's parameter 'dLogits'");
        variable(table, m, TypeNames.LIST.simpleName(), "the type java.util.List (List.of)");
        variable(table, m, TypeNames.ARRAYS.simpleName(), "the type java.util.Arrays (Arrays.asList)");
        for (com.palantir.javapoet.ClassName type : List.of(TypeNames.LAYER_ROW, TypeNames.TENSOR_INFO,
                TypeNames.TORCH_STEP, TypeNames.MEMORY_PLAN, TypeNames.MEMORY_ESTIMATE,
                TypeNames.SCRATCH)) {
            variable(table, m, type.simpleName(), "a type the generated code names (" + type.simpleName() + ")");
        }
        for (String type : KindRegistry.expressionTypes()) {
            variable(table, m, type, "a type the layers' code names in expressions (" + type + ".RELU)");
        }
        variable(table, m, model, "the model class itself (FACTORY = " + model + "::new)");
        for (String method : List.of(Names.INPUT_METHOD, Names.LOGITS_METHOD, Names.PARAMETERS_METHOD,
                Names.BUFFERS_METHOD, Names.FORWARD_METHOD, Names.BACKWARD_METHOD)) {
            method(table, m, method, "the method " + method + "()");
        }
        for (String inherited : List.of(Names.OWN, Names.AFTER, Names.DROPOUT_KEY, Names.ACTIVE_ROWS,
                Names.BATCH_SIZE_METHOD, Names.CONCAT)) {
            method(table, m, inherited, "CompiledModel's method " + inherited + "()");
        }
        GeneratedClass t = GeneratedClass.TRAINER;
        variable(table, t, Names.OPTIONS, "fit's parameter 'options'");
        variable(table, t, TypeNames.TRAINER.simpleName(), "the type netc.train.Trainer (Trainer.fit)");
        variable(table, t, model, "the model class (" + model + ".FACTORY)");
        method(table, t, Names.FIT, "the method fit()");
        return table;
    }

    private static void variable(List<Identifier> table, GeneratedClass in, String name, String what) {
        table.add(new Identifier(name, in, Namespace.VARIABLE, what, null, -1));
    }

    private static void method(List<Identifier> table, GeneratedClass in, String name, String what) {
        table.add(new Identifier(name, in, Namespace.METHOD, what, null, -1));
    }
}
