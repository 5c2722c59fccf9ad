package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A layer field that stands for a {@link Block}: {@code @Use(value = Residual.class, args = {128, 2})}.
 *
 * <p>With {@code repeat = n}, the block runs {@code n} times in a row with the same arguments
 * ({@code net[0]}, {@code net[1]}, ...), as an {@code nn.Sequential} of {@code n} copies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Use {
    /** The block class, annotated {@link Block}. */
    Class<?> value();

    /** The block's arguments, bound to {@link Arg#ARG0}, {@link Arg#ARG1}, ... in order. */
    int[] args() default {};

    /** How many times the block runs in a row; at least 1 (may be an {@link Arg} inside a block). */
    int repeat() default 1;
}
