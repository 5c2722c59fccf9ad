package netc.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The top-level classes this compilation already has, the user's and netc's own, so that a network's
 * generated class never takes a name in use: the Filer would refuse it with a message about
 * "recreating a file", or javac would report a duplicate class in code the user never wrote.
 */
final class TakenClassNames {
    /** Qualified name to who holds it, as a message says it: "your class p.NetModel". */
    private final Map<String, String> holders = new HashMap<>();

    /** Records the round's top-level classes; names netc generated keep their first description. */
    void declare(Set<? extends Element> rootElements) {
        for (Element root : rootElements) {
            if (root instanceof TypeElement type) {
                String name = type.getQualifiedName().toString();
                holders.putIfAbsent(name, "your class " + name);
            }
        }
    }

    /** Who already holds {@code qualifiedName}, or null when it is free. */
    String holder(String qualifiedName) {
        return holders.get(qualifiedName);
    }

    void generate(String qualifiedName, String what, String network) {
        holders.putIfAbsent(qualifiedName, "the " + what + " netc generates for the network " + network);
    }
}
