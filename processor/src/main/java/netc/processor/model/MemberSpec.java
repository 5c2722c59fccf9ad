package netc.processor.model;

/** One {@code Layer} field of a network or block class: a layer, or a {@code @Use} of a block. */
public sealed interface MemberSpec permits LayerSpec, UseSpec {
    /** The field's name, which names the member everywhere. */
    String name();

    Placement placement();

    /** The field's layer or {@code @Use} annotation. */
    Source source();
}
