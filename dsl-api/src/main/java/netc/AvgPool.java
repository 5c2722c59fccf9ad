package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D average pooling over square windows, per channel, as PyTorch's {@code AvgPool2d} with
 * {@code count_include_pad = true}: every window divides by {@code kernel²}, padding included.
 *
 * <p>Shape rule, per spatial dimension: {@code out = floor((in + 2·padding − kernel) / stride) + 1};
 * channels are unchanged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface AvgPool {
    /** Side of the square window. At least 1. */
    int kernel();

    /** Step between windows; {@code 0}, the default, means "equal to the kernel". */
    int stride() default 0;

    /** Padding on every side; at most half the kernel. */
    int padding() default 0;
}
