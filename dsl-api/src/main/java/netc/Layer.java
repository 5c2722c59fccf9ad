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
 *
 * <p>The generated model names its fields after the layer ({@code conv1}, its output {@code conv1Out},
 * that output's gradient {@code dconv1Out}), so a layer may not take a name the generated code already
 * uses: one of its own ({@code input}, {@code device}, {@code INFO}, ...) or one made from another
 * layer's name (a layer {@code dconv1} beside {@code conv1}). Such a clash is a compile error that names
 * both uses and suggests a free name.
 */
public final class Layer {
    private Layer() {}
}
