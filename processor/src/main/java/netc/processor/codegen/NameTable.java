package netc.processor.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Every identifier the generated model and trainer use, made by the same {@link Names} constants and
 * functions the writers use, with what each one is for. {@link netc.processor.check.NameRule} reports
 * a layer whose names collide with any other entry, so generated code can neither fail to compile nor
 * quietly read one tensor for another (a backward local {@code dconv1Out} hiding a field of that name).
 *
 * <p>Java keeps variables and methods apart, so the table does too: a layer named {@code forward} is
 * fine. Type names that the code writes in expressions ({@code Activation.RELU}, {@code List.of},
 * {@code NetModel::new}) count as variables, since a field of that name would obscure them. Entries
 * that only some networks use (the {@code Activation} type) are always listed: a table that is too
 * large forbids a name, one that is too small miscompiles.
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
     * @param layer the layer it is made from, or null for the names every model uses
     * @param layerIndex that layer's position, or -1
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
     * The table for a network whose generated classes are {@code model} and {@code trainer} (simple
     * names) and whose layers have these names, in order.
     */
    public static List<Identifier> of(String model, String trainer, List<String> layers) {
        List<Identifier> table = new ArrayList<>();
        GeneratedClass m = GeneratedClass.MODEL;
        variable(table, m, Names.INFO, "the NetworkInfo constant INFO");
        variable(table, m, Names.FACTORY, "the ModelFactory constant FACTORY");
        variable(table, m, Names.INPUT, "the input tensor field");
        for (int i = 0; i < MemberWriter.workspaceCount(layers.size()); i++) {
            variable(table, m, Names.WORKSPACES[i], "a gradient workspace field");
        }
        variable(table, m, Names.DEVICE, "the constructor's parameter 'device'");
        variable(table, m, Names.BATCH_SIZE, "the constructor's parameter 'batchSize'");
        variable(table, m, Names.MODE, "forward's parameter 'mode'");
        variable(table, m, Names.D_LOGITS, "backward's parameter 'dLogits'");
        variable(table, m, TypeNames.ACTIVATION.simpleName(), "the type netc.Activation (Activation.RELU)");
        variable(table, m, TypeNames.LIST.simpleName(), "the type java.util.List (List.of)");
        variable(table, m, model, "the model class itself (FACTORY = " + model + "::new)");
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i);
            table.add(new Identifier(Names.op(layer), m, Namespace.VARIABLE, "field", layer, i));
            table.add(new Identifier(Names.output(layer), m, Namespace.VARIABLE, "output tensor field", layer, i));
            if (i < layers.size() - 1) { // The last layer's output gradient is backward's parameter.
                table.add(new Identifier(Names.gradient(layer), m, Namespace.VARIABLE,
                        "output gradient (a local variable in backward)", layer, i));
            }
        }
        for (String method : List.of(Names.INPUT_METHOD, Names.LOGITS_METHOD, Names.PARAMETERS_METHOD,
                Names.FORWARD_METHOD, Names.BACKWARD_METHOD)) {
            method(table, m, method, "the method " + method + "()");
        }
        for (String inherited : List.of(Names.OWN, Names.AFTER, Names.DROPOUT_KEY, Names.CONCAT)) {
            method(table, m, inherited, "CompiledModel's method " + inherited + "()");
        }
        GeneratedClass t = GeneratedClass.TRAINER;
        variable(table, t, Names.OPTIONS, "fit's parameter 'options'");
        variable(table, t, TypeNames.TRAINER.simpleName(), "the type netc.train.Trainer (Trainer.fit)");
        variable(table, t, model, "the model class (" + model + ".FACTORY)");
        method(table, t, Names.FIT, "the method fit()");
        return List.copyOf(table);
    }

    private static void variable(List<Identifier> table, GeneratedClass in, String name, String what) {
        table.add(new Identifier(name, in, Namespace.VARIABLE, what, null, -1));
    }

    private static void method(List<Identifier> table, GeneratedClass in, String name, String what) {
        table.add(new Identifier(name, in, Namespace.METHOD, what, null, -1));
    }
}
