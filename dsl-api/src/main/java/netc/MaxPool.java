package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D max pooling over square windows, per channel, as PyTorch's {@code MaxPool2d} (floor mode).
 *
 * <p>Shape rule, per spatial dimension: {@code out = floor((in + 2·padding − kernel) / stride) + 1};
 * channels are unchanged. Padding counts as minus infinity, so it never wins.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MaxPool {
    /** Side of the square window. At least 1. */
    int kernel();

    /** Step between windows; {@code 0}, the default, means "equal to the kernel". */
    int stride() default 0;

    /** Padding on every side; at most half the kernel. */
    int padding() default 0;
}
