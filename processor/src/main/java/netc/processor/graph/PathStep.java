package netc.processor.graph;

/**
 * One nesting level of a node's place, as PyTorch's module tree sees it: the field in its class, and
 * the copy for a repeated {@code @Use}. The field's slot (its number in an {@code nn.Sequential}) depends
 * on shapes, so the checker works it out from {@code scope} and {@code field}.
 *
 * @param scope the class instance the field belongs to (see {@link Scope})
 * @param field the field's position among its class's members
 * @param name the field's name
 * @param repetition the copy of a repeated use, or -1
 */
public record PathStep(int scope, int field, String name, int repetition) {}
