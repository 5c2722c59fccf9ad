package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2-D convolution with a square kernel, PyTorch's {@code Conv2d} followed by the activation.
 *
 * <p>Shape rule, per spatial dimension (floor mode):
 * {@code out = floor((in + 2·padding − kernel) / stride) + 1}. Input channels come from the previous
 * layer; the weight is {@code [out, inChannels, kernel, kernel]}, the bias {@code [out]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Conv {
    /** Output channels (number of filters). At least 1. */
    int out();

    /** Side of the square kernel. At least 1, and at most the padded input. */
    int kernel();

    /** Step between kernel positions. At least 1. */
    int stride() default 1;

    /** Zeros added on every side of the input. At least 0. */
    int padding() default 0;

    /** Applied to the convolution's output. */
    Activation activation() default Activation.NONE;
}
