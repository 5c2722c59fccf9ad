package netc;

/**
 * The type of every layer field in a {@link Network} class.
 *
 * <p>A layer field is a declaration, not a value: the annotation on it says what the layer is, the
 * field's name names it (in shape tables, diagnostics and weight files), and its position among the
 * fields gives its place in the network. The generated model owns the layer's parameters; nothing
 * is ever stored in the field.
 *
 * <p>A layer field must be an instance field (not {@code static}) of a {@link Network} class and carry
 * exactly one layer annotation. A {@code Layer} field without one is a compile error rather than
 * being skipped, since a forgotten annotation would otherwise silently drop a layer; fields of other
 * types are left alone.
 */
public final class Layer {
    private Layer() {}
}
