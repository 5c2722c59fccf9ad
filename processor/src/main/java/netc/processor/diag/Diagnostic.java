package netc.processor.diag;

import java.util.Locale;

/**
 * Every message the processor can print, each with a stable id that tests and users can search for.
 *
 * <p>A text says what is wrong, shows the arithmetic where there is some, and ends with the fix. The
 * first argument is always the thing it is about: a layer's name or the network class's name.
 */
public enum Diagnostic {
    // The network class itself.
    NETWORK_NOT_CLASS("NetworkNotClass",
            "%s: @Network belongs on a class, not on %s; declare '%s' as a class"),
    NETWORK_PRIVATE("NetworkPrivate",
            "%s: a @Network class must not be private: its generated model and tools such as 'netc train'"
                    + " must reach it; make it package-private or public"),
    NETWORK_GENERIC("NetworkGeneric",
            "%s: a @Network class must not be generic: its shapes are fixed at compile time;"
                    + " remove the type parameters %s"),
    NETWORK_INNER("NetworkInner",
            "%s: a nested @Network class must be static: tools create it without an enclosing instance;"
                    + " add 'static'"),
    NETWORK_LOCAL("NetworkLocal",
            "%s: @Network on a class declared inside %s does nothing: javac shows annotation processors no"
                    + " local or anonymous classes, so no model would be generated; move '%s' to the top level"
                    + " or make it a static nested class of a top-level class"),
    GENERATED_CLASS_EXISTS("GeneratedClassExists",
            "%s: netc generates %s for this network, but %s already has that name; rename '%s' or the other"
                    + " class"),
    NO_LAYERS("NoLayers",
            "%s: @Network declares no layers; add fields such as '@Dense(out = 10) Layer fc;'"),

    // Fields.
    CONFLICTING_LAYERS("ConflictingLayers",
            "%s: a field is one layer, but it carries both @%s and @%s; keep one"),
    UNANNOTATED_LAYER("UnannotatedLayer",
            "%s: a Layer field without a layer annotation would be silently left out of the network;"
                    + " annotate it (%s, or @Use for a block) or remove it"),
    STATIC_LAYER("StaticLayer",
            "%s: a layer field must not be static: layers are the instance fields, in order; remove 'static'"),
    LAYER_FIELD_TYPE("LayerFieldType",
            "%s: a field annotated @%s must be of type netc.Layer, not %s; declare it as 'Layer %s'"),
    NAME_CLASH("NameClash",
            "%s: the generated model would name %s '%s', a name it already uses for %s;"
                    + " rename this field, for example to '%s'"),
    LAYER_OUTSIDE_NETWORK("LayerOutsideNetwork",
            "%s: @%s only means something in a class annotated @Network or @Block, and %s is neither;"
                    + " annotate %s with @Network(channels = ..., height = ..., width = ...) or @Block"),

    // Blocks and their uses.
    EMPTY_BLOCK("EmptyBlock",
            "%s: @Block declares no layers; add fields such as '@Conv(out = ARG0, kernel = 3) Layer conv;'"),
    BRANCH_OUTSIDE_CONCAT("BranchOutsideConcat",
            "%s: @Branch only means something in a @Block(join = CONCAT), and %s; remove @Branch"),
    BRANCH_MISSING("BranchMissing",
            "%s: in a @Block(join = CONCAT) every layer belongs to a branch, but this one has no @Branch;"
                    + " add @Branch(0), @Branch(1), ..."),
    NEGATIVE_BRANCH("NegativeBranch",
            "%s: @Branch(%d) but branches are numbered from 0; write @Branch(0) or more"),
    SHORTCUT_OUTSIDE_ADD("ShortcutOutsideAdd",
            "%s: @Shortcut only means something in a @Block(join = ADD), and %s; remove @Shortcut"),
    SHORTCUT_MIXED("ShortcutMixed",
            "%s: @Shortcut(optional = %s) but %s is @Shortcut(optional = %s): a shortcut exists as a whole or not"
                    + " at all; give every @Shortcut layer of %s the same 'optional'"),
    NO_BODY("NoBody",
            "%s: every layer of this @Block(join = ADD) is @Shortcut, so its body would be the identity;"
                    + " leave @Shortcut off the layers of the body"),
    USE_NOT_BLOCK("UseNotBlock",
            "%s: @Use(%s.class) but %s is not annotated @Block; annotate it @Block or use a block class"),
    USE_ARG_COUNT("UseArgCount",
            "%s: %s takes %d %s (%s) but this @Use passes %d; %s"),
    BLOCK_CYCLE("BlockCycle",
            "%s: @Use(%s.class) makes %s contain itself (%s); a block cannot use itself, even through"
                    + " other blocks"),
    NETWORK_TOO_LARGE("NetworkTooLarge",
            "%s: expanding this @Use makes the network more than %s layers (repeat = %d), which is surely a"
                    + " mistake; use a smaller repeat"),
    PLACEHOLDER_OUTSIDE_BLOCK("PlaceholderOutsideBlock",
            "%s: %s = ARG%d is a block argument, but %s is a @Network, which no @Use binds;"
                    + " write the number itself"),

    // Attributes.
    NON_POSITIVE("NonPositive",
            "%s: @%s(%s = %d) but %s must be at least 1; write %s = 1 or more"),
    NEGATIVE_POOL_STRIDE("NegativeStride",
            "%s: @%s(stride = %d) but a pooling stride is at least 1, or 0 for \"equal to the kernel\";"
                    + " write stride = 0 or more"),
    NEGATIVE_PADDING("NegativePadding",
            "%s: @%s(padding = %d) but padding must be at least 0; write padding = 0 or more"),
    POOL_PADDING_TOO_LARGE("PoolPaddingTooLarge",
            "%s: @%s(padding = %d) but padding may be at most half the window, %d / 2 = %d,"
                    + " or edge windows would hold nothing but padding; write padding = %d or less"),
    DENSE_INPUT_INVALID("DenseInputInvalid",
            "%s: @Dense(in = %d) but in must be at least 1, or left out to be inferred; leave 'in' out"),
    DROPOUT_RANGE("DropoutRange",
            "%s: @Dropout(%s) but the drop probability must be in [0, 1) (1 would drop every value);"
                    + " write a value such as 0.5"),
    DROPOUT_ROUNDS_TO_ONE("DropoutRoundsToOne",
            "%s: @Dropout(%s) rounds to 1.0 in float32, the precision the runtime computes in, and a drop"
                    + " probability of 1 would drop every value; write at most %s, the largest float32 below 1"),

    // Shapes.
    DENSE_INPUT_MISMATCH("DenseInputMismatch",
            "%s: @Dense(in = %d) but %s yields %s values%s; write in = %d or leave 'in' out"),
    OUTPUT_TOO_SMALL("OutputTooSmall",
            "%s: @%s(kernel = %d) does not fit %s: its %s would be %s, less than 1;"
                    + " use kernel = %d or less, or more padding"),
    SPATIAL_AFTER_DENSE("SpatialAfterDense",
            "%s: @%s needs an image, but %s has already flattened it to %d values;"
                    + " move %s before the first @Dense layer"),
    SHORTCUT_MISMATCH("ShortcutMismatch",
            "%s: the body of %s yields %s%s but its identity shortcut passes the block's input, %s, unchanged,"
                    + " and the two cannot be added; keep the shape, or give %s a shortcut layer"
                    + " (@Shortcut(optional = true) makes it only where the shape changes)"),
    ADD_SHAPES("AddShapes",
            "%s: the body of %s yields %s but its shortcut yields %s%s, and the two cannot be added;"
                    + " make the shortcut yield %s"),
    CONCAT_SIZES("ConcatSizes",
            "%s: %s concatenates on channels, which needs equal height and width, but %s yields %s while"
                    + " %s yields %s%s; change %s so that it yields %s"),
    SHAPE_TOO_LARGE("ShapeTooLarge",
            "%s: %s would hold %s values, more than the 2,147,483,647 a tensor can hold; use smaller sizes"),

    // Everything else.
    INTERNAL_ERROR("InternalError",
            "%s: the netc processor failed unexpectedly (%s); no code was generated for this network."
                    + " This is a netc bug: please report it with this class"),
    SUMMARY("Summary", "%s%n%s");

    private final String id;
    private final String template;

    Diagnostic(String id, String template) {
        this.id = id;
        this.template = template;
    }

    /** The stable id, e.g. {@code DenseInputMismatch}; messages start with {@code [netc.<id>]}. */
    public String id() {
        return id;
    }

    public String format(Object... args) {
        return "[netc." + id + "] " + String.format(Locale.ROOT, template, args);
    }
}
