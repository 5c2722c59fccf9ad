package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code tanh(x)} as a layer of its own, PyTorch's {@code nn.Tanh()}: for where the activation cannot be fused
 * into the layer before it (a {@link BatchNorm} sits between a convolution and its activation).
 * Same as {@code activation = Activation.TANH} on a {@link Conv} or {@link Dense}. Shape rule: the shape is
 * unchanged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Tanh {}
