package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link Layer} fields, in declaration order, form a reusable block: d2l's
 * {@code vgg_block}, {@code Residual}, {@code Inception}, dense and transition blocks. A block is
 * used from a {@link Network} or another block by a field carrying {@link Use}, which gives its
 * arguments; its layers' names are prefixed by the use's name ({@code stage3.first.conv1}).
 *
 * <p>Arguments: a layer attribute inside a block may be {@link Arg#ARG0}, {@link Arg#ARG1}, ... (name
 * them with constants: {@code static final int CHANNELS = ARG0;}); each use binds them from its
 * {@link Use#args()}, in order. A shape error caused by an argument is reported on the use's
 * {@code args}; one caused by a value written in the block, on that attribute, naming the instance.
 *
 * <pre>{@code
 * @Block(join = Join.ADD, activation = Activation.RELU)   // d2l's Residual: relu(body(x) + shortcut(x))
 * public class Residual {
 *     static final int CHANNELS = ARG0, STRIDE = ARG1;
 *     @Conv(out = CHANNELS, kernel = 3, padding = 1, stride = STRIDE) Layer conv1;
 *     @BatchNorm Layer bn1;
 *     @ReLU Layer relu1;
 *     @Conv(out = CHANNELS, kernel = 3, padding = 1) Layer conv2;
 *     @BatchNorm Layer bn2;
 *     @Shortcut(optional = true) @Conv(out = CHANNELS, kernel = 1, stride = STRIDE) Layer conv3;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Block {
    /** How the layers' paths combine; {@link Join#CHAIN} by default. */
    Join join() default Join.CHAIN;

    /** Applied after the join (d2l's Residual ends in a ReLU of the sum). */
    Activation activation() default Activation.NONE;
}
