package netc.processor.model;

import netc.processor.kind.LayerKind;

/** A layer field as its annotation declares it: its kind and attribute values as written (placeholders unbound). */
public record LayerSpec(String name, LayerKind kind, Attributes attributes, Placement placement, Source source)
        implements MemberSpec {}
