package netc.runtime.cl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code .cl} sources shipped in the kernels module (class-path resources under
 * {@code netc/kernels/}). A line {@code #include "name.cl"} is replaced by that file, once, so that
 * shared helpers (activations, the RNG) live in one file without relying on the driver's include path.
 */
public final class KernelSources {
    private static final String ROOT = "netc/kernels/";
    private static final Pattern INCLUDE = Pattern.compile("(?m)^\\s*#include\\s+\"([^\"]+)\"\\s*$");
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private KernelSources() {}

    /** The full text of {@code file}, includes expanded. */
    public static String load(String file) {
        return CACHE.computeIfAbsent(file, name -> expand(name, new java.util.HashSet<>()));
    }

    private static String expand(String file, java.util.Set<String> seen) {
        if (!seen.add(file)) {
            return "";
        }
        String text = read(file);
        Matcher include = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (include.find()) {
            include.appendReplacement(out, Matcher.quoteReplacement(expand(include.group(1), seen)));
        }
        include.appendTail(out);
        return out.toString();
    }

    private static String read(String file) {
        String resource = ROOT + file;
        try (InputStream in = KernelSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Kernel source " + resource + " is not on the class path;"
                        + " the netc-kernels jar must be on the class path with netc-runtime.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read kernel source " + resource, e);
        }
    }
}
