package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Defines;

/**
 * The one mapping from an {@link Activation} to kernel code: the {@code ACTIVATION} define of a kernel
 * that includes {@code activation.cl}, which holds the {@code ACT_*} codes and the formulas. The macro is
 * {@code ACT_} + the constant's name; {@code activation.cl} refuses to build with any other value, so a
 * constant added to the enum without its kernel code fails at the first build instead of running as
 * the identity.
 */
final class ActivationDefine {
    private ActivationDefine() {}

    /** {@code activation.cl}'s macro for {@code activation}, e.g. {@code ACT_RELU}. */
    static String of(Activation activation) {
        return "ACT_" + activation.name();
    }

    /** {@code defines} with {@code ACTIVATION} set for {@code activation}. */
    static Defines set(Defines defines, Activation activation) {
        return defines.set("ACTIVATION", of(activation));
    }
}
