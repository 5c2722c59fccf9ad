package netc.processor.model;

/**
 * Where a member sits in its block's join: on the main path (a chain, or the body of an {@code ADD}
 * block), on the shortcut of an {@code ADD} block, or in a numbered branch of a {@code CONCAT} block.
 *
 * @param branched whether the member carries {@code @Branch}
 * @param branch its {@code @Branch} number
 * @param shortcut whether the member carries {@code @Shortcut}
 * @param optional whether that shortcut is {@code @Shortcut(optional = true)}
 * @param source the {@code @Branch} or {@code @Shortcut} annotation, for messages about it
 */
public record Placement(boolean branched, int branch, boolean shortcut, boolean optional, Source source) {
    public static final Placement MAIN = new Placement(false, 0, false, false, Source.NONE);

    public static Placement branch(int branch, Source source) {
        return new Placement(true, branch, false, false, source);
    }

    public static Placement shortcut(boolean optional, Source source) {
        return new Placement(false, 0, true, optional, source);
    }
}
