package netc.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a user's network as their build would, outside netc's class path: javac with netc's jars on
 * the class path and netc-processor on the processor path, into a directory the test's class loader
 * does not see. Only {@code --classpath} can then lead the command line to it.
 */
final class UserNetworks {
    private UserNetworks() {}

    /** Writes {@code source} as {@code className}'s file under {@code project/src} and compiles it to {@code project/classes}. */
    static Path compile(Path project, String className, String source) throws IOException {
        Path sourceFile = project.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(sourceFile.getParent());
        Files.writeString(sourceFile, source);
        Path classes = Files.createDirectories(project.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        String classPath = System.getProperty("java.class.path");
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(sourceFile);
            boolean compiled = javac.getTask(diagnostics, files, null,
                    List.of("-classpath", classPath, "-processorpath", classPath, "-d", classes.toString()), null,
                    units).call();
            assertTrue(compiled, diagnostics.toString());
        }
        return classes;
    }

    /** Packs every file under {@code classes} into {@code jar}. */
    static Path jar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream packed = new JarOutputStream(out);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                packed.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                packed.write(Files.readAllBytes(file));
                packed.closeEntry();
            }
        }
        return jar;
    }
}
