package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link Layer} fields, in declaration order, describe a feed-forward network.
 *
 * <p>The attributes give the shape of one input example, {@code channels × height × width}. At
 * {@code javac} time the netc processor works out every layer's output shape, reports a wrong
 * network as a compiler error on the offending attribute, and generates {@code <Name>Model} (the
 * forward and backward passes on OpenCL) and {@code <Name>Trainer} in the same package.
 *
 * <p>The annotated type must be a class (not an interface, enum or record), not private, not generic,
 * and, when nested, static: the generated classes and tools must reach it. A nested {@code Outer.Net}
 * generates {@code Outer_NetModel}.
 *
 * <p>Retained at run time so that tools such as {@code netc train} can recognise a network class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Network {
    /** Channels of one input example (1 for Fashion-MNIST). Must be at least 1. */
    int channels();

    /** Height of one input example, in pixels. Must be at least 1. */
    int height();

    /** Width of one input example, in pixels. Must be at least 1. */
    int width();
}
