package netc.processor.check;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;
import netc.processor.diag.Diagnostic;

/**
 * Reports {@code @Network} on a class declared inside a method, initializer, lambda or anonymous class.
 * javac hands processors only the classes reachable from the top-level ones through their members
 * ({@code getElementsAnnotatedWith} never returns a local class), so without this rule such a network
 * would be silently ignored. It reads the source trees instead, through javac's {@link Trees} API.
 *
 * <p>The local class is not yet attributed while processors run, so {@code @Network} is recognised by
 * its spelling: {@code @netc.Network}, or {@code @Network} in a file that imports {@code netc.Network}
 * or {@code netc.*} (or lives in package {@code netc}). Messages go through {@link Trees#printMessage},
 * since a local class has no element for the {@code Messager} to point at.
 */
public final class LocalNetworkRule {
    private static final String PACKAGE = "netc";
    private static final String SIMPLE_NAME = "Network";
    private static final String QUALIFIED_NAME = PACKAGE + "." + SIMPLE_NAME;

    private final Trees trees;
    private final Set<CompilationUnitTree> scanned = Collections.newSetFromMap(new IdentityHashMap<>());

    private LocalNetworkRule(Trees trees) {
        this.trees = trees;
    }

    /** The rule, or empty under a compiler other than javac (which has no {@link Trees}). */
    public static Optional<LocalNetworkRule> create(ProcessingEnvironment environment) {
        try {
            return Optional.of(new LocalNetworkRule(Trees.instance(environment)));
        } catch (IllegalArgumentException notJavac) {
            return Optional.empty();
        }
    }

    /** Scans the source file of each root element once. */
    public void check(Set<? extends Element> rootElements) {
        for (Element root : rootElements) {
            TreePath path = trees.getPath(root);
            if (path != null && scanned.add(path.getCompilationUnit())) {
                new Scanner(path.getCompilationUnit()).scan(path.getCompilationUnit(), null);
            }
        }
    }

    private final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;

        Scanner(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            String where = enclosingBody(getCurrentPath());
            if (where != null && type.getModifiers().getAnnotations().stream().anyMatch(this::isNetwork)) {
                String name = type.getSimpleName().toString();
                trees.printMessage(Kind.ERROR, Diagnostic.NETWORK_LOCAL.format(name, where, name), type, unit);
            }
            return super.visitClass(type, unused);
        }

        private boolean isNetwork(AnnotationTree annotation) {
            String written = annotation.getAnnotationType().toString();
            if (written.equals(QUALIFIED_NAME)) {
                return true;
            }
            if (!written.equals(SIMPLE_NAME)) {
                return false;
            }
            boolean imported = unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE);
            for (ImportTree single : unit.getImports()) {
                String name = single.getQualifiedIdentifier().toString();
                if (single.isStatic()) {
                    continue;
                }
                if (name.endsWith("." + SIMPLE_NAME) && !name.equals(QUALIFIED_NAME)) {
                    return false; // Another Network imported by name wins over netc.*.
                }
                imported |= name.equals(QUALIFIED_NAME) || name.equals(PACKAGE + ".*");
            }
            return imported;
        }
    }

    /**
     * What the class at {@code path} is declared inside of, when that is a body rather than a class:
     * "the method 'train'", "a lambda", "an anonymous class", "an initializer"; null for a class that is
     * top-level or a member of member classes all the way up.
     */
    static String enclosingBody(TreePath path) {
        boolean local = false;
        Tree child = path.getLeaf();
        for (TreePath parent = path.getParentPath(); parent != null; parent = parent.getParentPath()) {
            Tree tree = parent.getLeaf();
            if (tree instanceof MethodTree method) {
                return "the method '" + method.getName() + "'";
            }
            if (tree instanceof LambdaExpressionTree) {
                return "a lambda";
            }
            if (tree instanceof NewClassTree) {
                return "an anonymous class";
            }
            if (tree instanceof ClassTree && (child instanceof BlockTree || child instanceof VariableTree)) {
                return "an initializer of " + ((ClassTree) tree).getSimpleName();
            }
            local |= !(tree instanceof ClassTree || tree instanceof CompilationUnitTree);
            child = tree;
        }
        return local ? "a method body" : null;
    }
}
