package netc.samples.cli;

import java.util.List;
import java.util.Locale;
import netc.Network;

/**
 * Turns a network named on the command line into a compiled network: a sample's simple name in any
 * case ({@code lenet}), or the fully qualified name of any {@code @Network} class on the class path.
 */
final class NetworkResolver {
    static final String SAMPLES_PACKAGE = "netc.samples";
    static final List<String> SAMPLES = List.of("LeNet", "AlexNet");

    private NetworkResolver() {}

    static CompiledNetwork resolve(String name) {
        return ModelLookup.find(networkClass(name));
    }

    static Class<?> networkClass(String name) {
        String className = qualifiedName(name.trim());
        Class<?> found;
        try {
            found = Class.forName(className, false, NetworkResolver.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new NetworkLookupException("Unknown network '" + name + "': give a sample (" + String.join(", ", SAMPLES)
                    + ") or the fully qualified name of a @Network class on the class path.");
        }
        if (!found.isAnnotationPresent(Network.class)) {
            throw new NetworkLookupException(found.getName() + " is not a network: annotate the class with"
                    + " @Network(channels = ..., height = ..., width = ...) and give it Layer fields.");
        }
        return found;
    }

    private static String qualifiedName(String name) {
        for (String sample : SAMPLES) {
            if (sample.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return SAMPLES_PACKAGE + "." + sample;
            }
        }
        return name.contains(".") ? name : SAMPLES_PACKAGE + "." + name;
    }
}
