package netc.processor.model;

import netc.Join;

/**
 * The class whose fields are being read: a network (a chain) or a block with its join. The rules about
 * where {@code @Branch}, {@code @Shortcut} and placeholders may appear depend on it.
 */
public record Container(String name, Join join, boolean network) {

    /** {@code Net is a @Network}, {@code Residual is a @Block(join = ADD)}: the end of a placement message. */
    public String described() {
        return name + " is " + (network ? "a @Network" : "a @Block(join = " + join + ")");
    }
}
