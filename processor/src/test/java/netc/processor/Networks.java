package netc.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test sources: network classes in package {@code test}, with every DSL import, compiled through the processor. */
final class Networks {
    private static final String IMPORTS = """
            package test;

            import static netc.Activation.*;

            import netc.*;

            """;

    private Networks() {}

    /** A source file {@code test.<name>} holding {@code body} after the imports. */
    static JavaFileObject source(String name, String body) {
        return JavaFileObjects.forSourceString("test." + name, IMPORTS + body);
    }

    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new NetworkProcessor()).compile(sources);
    }
}
