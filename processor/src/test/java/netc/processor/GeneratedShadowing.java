package netc.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;

/**
 * Finds parameters and locals in generated code that share a name with a field of their class. Such
 * code compiles, but inside that method the simple name means the local, not the field: a backward
 * local {@code dconv1Out} would silently stand in for layer dconv1's output. javac has no warning for
 * it, so tests look for it here.
 */
final class GeneratedShadowing {
    private GeneratedShadowing() {}

    /** The names declared both as a field and as a parameter or local of the same class; empty when none. */
    static Set<String> in(JavaFileObject source) throws IOException {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler()
                .getTask(null, null, null, List.of("-proc:none"), null, List.of(source));
        Set<String> shadowed = new TreeSet<>();
        for (CompilationUnitTree unit : task.parse()) {
            for (Tree type : unit.getTypeDecls()) {
                shadowed.addAll(shadowedIn((ClassTree) type));
            }
        }
        return shadowed;
    }

    private static Set<String> shadowedIn(ClassTree type) {
        Set<String> fields = new TreeSet<>();
        Set<String> locals = new TreeSet<>();
        for (Tree member : type.getMembers()) {
            if (member instanceof VariableTree field) {
                fields.add(field.getName().toString());
            } else if (member instanceof MethodTree method) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitVariable(VariableTree variable, Void unused) {
                        locals.add(variable.getName().toString());
                        return super.visitVariable(variable, unused);
                    }
                }.scan(method, null);
            }
        }
        fields.retainAll(locals);
        return fields;
    }
}
