package netc.processor.kind;

/** One attribute a layer kind reads from its annotation: its name and what type of value it holds. */
public record AttributeSpec(String name, Type type) {

    /** The value types the DSL's layer annotations use. */
    public enum Type {
        /** An {@code int}; inside a block it may be an {@link netc.Arg} placeholder. */
        INTEGER,
        /** A {@code double}. */
        REAL,
        /** An enum constant, read as its simple name. */
        CONSTANT
    }

    public static AttributeSpec integer(String name) {
        return new AttributeSpec(name, Type.INTEGER);
    }

    public static AttributeSpec real(String name) {
        return new AttributeSpec(name, Type.REAL);
    }

    public static AttributeSpec constant(String name) {
        return new AttributeSpec(name, Type.CONSTANT);
    }
}
