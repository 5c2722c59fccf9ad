package netc.processor.model;

import netc.Arg;

/**
 * One attribute value (an {@code Integer}, a {@code Double} or an enum constant's name) and the place
 * where it was written: the layer's own attribute, or, once a block placeholder is bound, the
 * {@code args} element of the use that supplied it.
 */
public record Value(Object value, Source source) {

    public int integer() {
        return (Integer) value;
    }

    public double real() {
        return ((Number) value).doubleValue();
    }

    /** The simple name of an enum constant. */
    public String constant() {
        return (String) value;
    }

    /** Whether this is an {@link Arg} placeholder still waiting for a use's argument. */
    public boolean isPlaceholder() {
        return value instanceof Integer number && Arg.isPlaceholder(number);
    }

    /** {@code 128}, or {@code ARG0} for a placeholder. */
    @Override
    public String toString() {
        return isPlaceholder() ? "ARG" + Arg.position(integer()) : String.valueOf(value);
    }
}
