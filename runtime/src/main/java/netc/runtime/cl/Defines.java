package netc.runtime.cl;

import java.util.TreeMap;

/**
 * The compile-time constants of one kernel build ({@code -D NAME=value}), kept sorted so that equal
 * sets of defines give equal cache keys and equal build options.
 */
public final class Defines {
    private final TreeMap<String, String> values = new TreeMap<>();

    public static Defines of() {
        return new Defines();
    }

    public Defines set(String name, long value) {
        values.put(name, Long.toString(value));
        return this;
    }

    public Defines set(String name, boolean value) {
        values.put(name, value ? "1" : "0");
        return this;
    }

    /** A float constant, written so that OpenCL C reads it as a float literal without loss. */
    public Defines set(String name, float value) {
        values.put(name, Float.toHexString(value) + "f");
        return this;
    }

    public Defines set(String name, String value) {
        values.put(name, value);
        return this;
    }

    /** The build options string, e.g. {@code -D K=3 -D STRIDE=1}. */
    public String toOptions() {
        StringBuilder options = new StringBuilder();
        values.forEach((name, value) -> options.append(" -D ").append(name).append('=').append(value));
        return options.toString().trim();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Defines defines && defines.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toOptions();
    }
}
