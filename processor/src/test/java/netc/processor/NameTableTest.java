package netc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import netc.processor.codegen.Identifiers;
import netc.processor.codegen.NameTable;
import netc.processor.codegen.NameTable.GeneratedClass;
import netc.processor.codegen.NameTable.Identifier;
import netc.processor.codegen.NameTable.Namespace;
import org.junit.jupiter.api.Test;

/**
 * The name table must list every identifier the generated code uses, or a layer could take one of
 * them unnoticed. This parses the generated sources of networks that use every layer kind and checks
 * each declared or referenced name against the table, so a writer that starts using a new name fails
 * here until the table knows it.
 */
class NameTableTest {
    private static final Path SAMPLES = Path.of("..", "samples", "src", "main", "java", "netc", "samples");

    @Test
    void everyIdentifierOfTheSamplesModelsIsInTheTable() throws IOException {
        for (String network : List.of("LeNet", "AlexNet")) {
            Compilation compilation = Networks.compile(
                    JavaFileObjects.forResource(SAMPLES.resolve(network + ".java").toUri().toURL()));
            assertThat(compilation).succeededWithoutWarnings();
            List<String> layers = network.equals("LeNet")
                    ? List.of("conv1", "pool1", "conv2", "pool2", "fc1", "fc2", "fc3")
                    : List.of("conv1", "pool1", "conv2", "pool2", "conv3", "conv4", "conv5", "pool3", "fc1", "drop1",
                            "fc2", "drop2", "fc3");
            assertCovered(compilation, "netc.samples." + network, layers);
        }
    }

    @Test
    void everyIdentifierOfSmallModelsIsInTheTable() throws IOException {
        Compilation compilation = Networks.compile(
                Networks.source("Single", """
                        @Network(channels = 1, height = 4, width = 4)
                        class Single {
                            @Dropout(0.5) Layer only;
                        }
                        """),
                Networks.source("Mixed", """
                        @Network(channels = 2, height = 6, width = 6)
                        class Mixed {
                            @MaxPool(kernel = 2, stride = 1) Layer max;
                            @Conv(out = 3, kernel = 3, padding = 1, activation = TANH) Layer conv;
                            @AvgPool(kernel = 1) Layer avg;
                            @Dropout(0.25) Layer drop;
                            @Dense(out = 2) Layer fc;
                        }
                        """));
        assertThat(compilation).succeededWithoutWarnings();
        assertCovered(compilation, "test.Single", List.of("only"));
        assertCovered(compilation, "test.Mixed", List.of("max", "conv", "avg", "drop", "fc"));
    }

    @Test
    void everyIdentifierOfAModelWithBlocksIsInTheTable() throws IOException {
        Compilation compilation = Networks.compile(Networks.source("Graph", """
                @Block(join = Join.ADD, activation = RELU)
                class Residual {
                    @Conv(out = Arg.ARG0, kernel = 3, padding = 1, stride = Arg.ARG1) Layer conv1;
                    @BatchNorm Layer bn1;
                    @Shortcut(optional = true) @Conv(out = Arg.ARG0, kernel = 1, stride = Arg.ARG1) Layer conv3;
                }
                @Block(join = Join.CONCAT)
                class Mixed {
                    @Branch(0) @Conv(out = 2, kernel = 1) Layer a;
                    @Branch(1) @MaxPool(kernel = 3, stride = 1, padding = 1) Layer b;
                }
                @Block(join = Join.CONCAT_INPUT)
                class Grow {
                    @Tanh Layer tanh;
                    @Conv(out = 2, kernel = 1) Layer conv;
                }
                @Network(channels = 2, height = 6, width = 6)
                class Graph {
                    @Use(value = Residual.class, args = {2, 1}) Layer same;
                    @Use(value = Residual.class, args = {4, 2}) Layer down;
                    @Use(Mixed.class) Layer mix;
                    @Use(value = Grow.class, repeat = 2) Layer grow;
                    @GlobalAvgPool Layer pool;
                    @Flatten Layer flatten;
                    @Dropout(0.5) Layer drop;
                    @Dense(out = 3) Layer fc;
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String model = compilation.generatedSourceFile("test.GraphModel").orElseThrow().getCharContent(false).toString();
        // The nodes, by the table's own naming rule, from the rows of the generated INFO.
        List<String> nodes = java.util.regex.Pattern.compile("new LayerRow\\(\"([^\"]+)\"").matcher(model).results()
                .map(match -> match.group(1))
                .map(path -> path.contains(".") || path.contains(":") ? Identifiers.sanitise(path) : path)
                .toList();
        assertTrue(nodes.contains("down_conv3") && nodes.contains("grow_1Concat"), nodes::toString);
        assertCovered(compilation, "test.Graph", nodes);
    }

    private static void assertCovered(Compilation compilation, String network, List<String> layers)
            throws IOException {
        String simpleName = network.substring(network.lastIndexOf('.') + 1);
        List<Identifier> table = NameTable.of(simpleName + "Model", simpleName + "Trainer", layers);
        for (GeneratedClass in : GeneratedClass.values()) {
            String suffix = in == GeneratedClass.MODEL ? "Model" : "Trainer";
            JavaFileObject generated = compilation.generatedSourceFile(network + suffix).orElseThrow();
            Used used = Used.in(generated);
            assertFalse(used.variables.isEmpty() || used.methods.isEmpty(), "nothing parsed in " + generated);
            assertTrue(names(table, in, Namespace.VARIABLE).containsAll(used.variables),
                    () -> network + suffix + " uses variables the table lacks: "
                            + missing(used.variables, names(table, in, Namespace.VARIABLE)));
            assertTrue(names(table, in, Namespace.METHOD).containsAll(used.methods),
                    () -> network + suffix + " uses methods the table lacks: "
                            + missing(used.methods, names(table, in, Namespace.METHOD)));
        }
    }

    private static Set<String> names(List<Identifier> table, GeneratedClass in, Namespace namespace) {
        return table.stream().filter(entry -> entry.in() == in && entry.namespace() == namespace)
                .map(Identifier::name).collect(Collectors.toSet());
    }

    private static Set<String> missing(Set<String> used, Set<String> listed) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(listed);
        return missing;
    }

    /**
     * The names a generated class declares or writes where a variable of the same name would take
     * over: fields, parameters and locals; simple names in expressions (variables, and types such as
     * {@code Activation} in {@code Activation.RELU}); and methods declared or called without a receiver.
     * Names in type positions ({@code Tensor x}, {@code new Tensor(...)}, annotations) are left out:
     * there a type name is never mistaken for a variable.
     */
    private static final class Used extends TreeScanner<Void, Void> {
        final Set<String> variables = new TreeSet<>();
        final Set<String> methods = new TreeSet<>();

        static Used in(JavaFileObject source) throws IOException {
            JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
                    .getTask(null, null, null, List.of("-proc:none"), null, List.of(source));
            Used used = new Used();
            for (CompilationUnitTree unit : task.parse()) {
                unit.getTypeDecls().forEach(type -> used.scan(type, null));
            }
            return used;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            return scan(type.getMembers(), null); // Not its name, annotations or supertype.
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            if (!method.getName().contentEquals("<init>")) {
                methods.add(method.getName().toString());
            }
            scan(method.getParameters(), null);
            return scan(method.getBody(), null);
        }

        @Override
        public Void visitVariable(VariableTree variable, Void unused) {
            variables.add(variable.getName().toString());
            return scan(variable.getInitializer(), null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (call.getMethodSelect() instanceof IdentifierTree method) {
                String name = method.getName().toString();
                if (!name.equals("super") && !name.equals("this")) {
                    methods.add(name);
                }
            } else {
                scan(call.getMethodSelect(), null);
            }
            return scan(call.getArguments(), null);
        }

        @Override
        public Void visitNewClass(NewClassTree creation, Void unused) {
            return scan(creation.getArguments(), null);
        }

        @Override
        public Void visitAnnotation(AnnotationTree annotation, Void unused) {
            return null;
        }

        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            variables.add(identifier.getName().toString());
            return null;
        }
    }
}
