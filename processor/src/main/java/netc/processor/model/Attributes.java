package netc.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A layer's attribute values by name, in the order its kind declares them, each with its {@link Source}. */
public final class Attributes {
    public static final Attributes NONE = new Attributes(Map.of());

    private final Map<String, Value> values;

    public Attributes(Map<String, Value> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public int integer(String name) {
        return get(name).integer();
    }

    public double real(String name) {
        return get(name).real();
    }

    public String constant(String name) {
        return get(name).constant();
    }

    /** Where the value of {@code name} was written. */
    public Source source(String name) {
        return get(name).source();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, Value> values() {
        return values;
    }

    /** The same attributes with every value passed through {@code binding} (which binds placeholders). */
    public Attributes map(UnaryOperator<Value> binding) {
        Map<String, Value> bound = new LinkedHashMap<>();
        values.forEach((name, value) -> bound.put(name, binding.apply(value)));
        return new Attributes(bound);
    }

    private Value get(String name) {
        Value value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no attribute '" + name + "' in " + values.keySet());
        }
        return value;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
