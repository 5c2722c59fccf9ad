package netc.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --classpath DIR|JAR[:...]}: where the user's own compiled networks are, for every command that
 * takes a network. The entries are searched after netc's own classes (a URLClassLoader whose parent is
 * netc's), so a user's jar that bundles a copy of netc still runs netc's engine and annotations, and
 * {@code netc train com.acme.Net --classpath target/classes} finds the user's network and the model the
 * processor generated beside it. As with {@code java -cp}, {@code DIR/*} stands for every jar in DIR.
 */
final class NetworkClassPath {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "DIR|JAR[" + ":...]",
            description = "Where your compiled @Network classes are: directories and jars, separated by the"
                    + " system's path separator (':' on Linux and macOS, ';' on Windows); DIR/* means every jar"
                    + " in DIR. May be repeated.")
    List<String> entries = new ArrayList<>();

    private ClassLoader loader;

    /** The network named on the command line, looked up with these entries after netc's own classes. */
    CompiledNetwork resolve(String network) {
        return NetworkResolver.resolve(network, loader());
    }

    /** netc's own class loader without entries, else one that searches the entries after it. */
    ClassLoader loader() {
        if (loader == null) {
            ClassLoader netc = NetworkClassPath.class.getClassLoader();
            List<URL> urls = urls();
            // Never closed: the network's classes load lazily while the command runs, until the JVM exits.
            loader = urls.isEmpty() ? netc : new URLClassLoader("netc-user-classes", urls.toArray(new URL[0]), netc);
        }
        return loader;
    }

    private List<URL> urls() {
        List<URL> urls = new ArrayList<>();
        for (String option : entries) {
            for (String entry : option.split(File.pathSeparator, -1)) {
                if (entry.isBlank()) {
                    continue; // "a::b" or a trailing separator, as java -cp tolerates
                }
                for (Path path : expand(entry)) {
                    urls.add(url(path));
                }
            }
        }
        return urls;
    }

    /** {@code DIR/*} as the jars in DIR; any other entry as itself, checked to be a directory or a jar. */
    private List<Path> expand(String entry) {
        if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
            Path directory = Path.of(entry.substring(0, entry.length() - 1).isEmpty() ? "." : entry.substring(0, entry.length() - 1));
            if (!Files.isDirectory(directory)) {
                throw usage("--classpath entry " + entry + ": " + directory + " is not a directory.");
            }
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory)) {
                for (Path file : listing) {
                    if (isJar(file) && Files.isRegularFile(file)) {
                        jars.add(file);
                    }
                }
            } catch (IOException e) {
                throw usage("--classpath entry " + entry + ": cannot list " + directory + ": "
                        + netc.runtime.io.FileProblem.reason(e) + ".");
            }
            jars.sort(null);
            return jars;
        }
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
            return List.of(path);
        }
        if (!Files.exists(path)) {
            throw usage("--classpath entry " + entry + " does not exist; give the directory your classes were"
                    + " compiled to (e.g. target/classes) or a jar.");
        }
        if (!isJar(path)) {
            throw usage("--classpath entry " + entry + " is neither a directory nor a .jar file.");
        }
        return List.of(path);
    }

    private static boolean isJar(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private URL url(Path path) {
        try {
            return path.toAbsolutePath().normalize().toUri().toURL();
        } catch (MalformedURLException e) {
            throw usage("--classpath entry " + path + " cannot be turned into a URL: " + e.getMessage() + ".");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
