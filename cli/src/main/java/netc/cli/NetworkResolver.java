package netc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netc.Network;

/**
 * Turns a network named on the command line into a compiled network: a sample's simple name in any
 * case ({@code lenet}), the simple name of a class in {@code netc.samples}, or the fully qualified name
 * of any {@code @Network} class on the class path. A nested class may be named as in Java source
 * ({@code p.Outer.Net}) or as its binary name ({@code p.Outer$Net}); a class in the unnamed package by
 * its simple name.
 */
final class NetworkResolver {
    static final String SAMPLES_PACKAGE = "netc.samples";
    static final List<String> SAMPLES = List.of("LeNet", "AlexNet");

    private NetworkResolver() {}

    static CompiledNetwork resolve(String name) {
        return resolve(name, NetworkResolver.class.getClassLoader());
    }

    /** As {@link #resolve(String)}, looking classes up through {@code loader} (see {@link NetworkClassPath}). */
    static CompiledNetwork resolve(String name, ClassLoader loader) {
        return ModelLookup.find(networkClass(name, loader));
    }

    static Class<?> networkClass(String name) {
        return networkClass(name, NetworkResolver.class.getClassLoader());
    }

    static Class<?> networkClass(String name, ClassLoader loader) {
        Class<?> found = candidates(name.trim()).stream()
                .map(candidate -> load(candidate, loader))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new NetworkLookupException("Unknown network '" + name + "': give a sample ("
                        + String.join(", ", SAMPLES) + ") or the fully qualified name of a @Network class, with"
                        + " --classpath DIR|JAR naming where its compiled classes are (e.g. --classpath"
                        + " target/classes)."));
        if (!found.isAnnotationPresent(Network.class)) {
            throw new NetworkLookupException(found.getName() + " is not a network: annotate the class with"
                    + " @Network(channels = ..., height = ..., width = ...) and give it Layer fields.");
        }
        return found;
    }

    /**
     * The class names {@code name} may mean, most likely first: a sample; for a name without a dot, a
     * class in {@code netc.samples}; the name as written (a class in the unnamed package, when it has no
     * dot); then, for a nested class written as in source, the name with its last dots turned into '$'
     * one by one.
     */
    static List<String> candidates(String name) {
        for (String sample : SAMPLES) {
            if (sample.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return List.of(SAMPLES_PACKAGE + "." + sample);
            }
        }
        List<String> candidates = new ArrayList<>();
        if (!name.contains(".")) {
            candidates.add(SAMPLES_PACKAGE + "." + name);
        }
        candidates.add(name);
        String nested = name;
        for (int dot = nested.lastIndexOf('.'); dot > 0; dot = nested.lastIndexOf('.')) {
            nested = nested.substring(0, dot) + "$" + nested.substring(dot + 1);
            candidates.add(nested);
        }
        return candidates;
    }

    /** The class, or null when there is none of that name (or only one whose file has another case). */
    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
