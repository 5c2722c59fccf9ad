package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inverted dropout, as PyTorch's {@code Dropout}: in training each value is zeroed with probability
 * {@code p} and the survivors are scaled by {@code 1 / (1 − p)}; in evaluation it is the identity.
 * The shape is unchanged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Dropout {
    /**
     * The drop probability {@code p}, in {@code [0, 1)} as the float32 the runtime computes with: a value
     * that rounds to 1.0f, anything above 0.99999994, is an error too.
     */
    double value();
}
