package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected layer, PyTorch's {@code Linear} followed by the activation.
 *
 * <p>After a convolution or pooling layer the input is flattened in {@code C×H×W} order, as
 * PyTorch's {@code Flatten}. Shape rule: {@code in} must equal the number of values the previous
 * layer yields; the output is {@code out} values. The weight is {@code [out, in]}, the bias
 * {@code [out]}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Dense {
    /** Sentinel of {@link #in()}: infer the input width from the previous layer. */
    int INFERRED = -1;

    /** Input width; left out, it is inferred; written, it is checked against the previous layer. */
    int in() default INFERRED;

    /** Output width. At least 1. */
    int out();

    /** Applied to the layer's output. */
    Activation activation() default Activation.NONE;
}
