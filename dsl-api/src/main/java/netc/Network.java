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
 * and, when nested, a static member of a class, not declared inside a method, lambda, initializer or
 * anonymous class: the generated classes and tools must reach it.
 *
 * <p>The generated classes are named by one rule, which tools such as {@code netc train} follow to
 * find them: in the network's package (the unnamed one for a class there), the simple names of the
 * enclosing classes and the network's own, joined by {@code _}, then {@code Model} or {@code Trainer}.
 * {@code p.AlexNet} generates {@code p.AlexNetModel} and {@code p.AlexNetTrainer}; the nested
 * {@code p.Outer.Net} generates {@code p.Outer_NetModel}. A class that already has one of these names
 * (one of yours, or one generated for another network, such as a top-level {@code Outer_Net} beside
 * {@code Outer.Net}) is a compile error.
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
