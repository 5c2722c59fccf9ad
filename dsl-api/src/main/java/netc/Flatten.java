package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's {@code Flatten}: {@code C×H×W → C·H·W} values in that order. Costs nothing (the values do
 * not move). A {@link Dense} layer flattens its input by itself; write {@code @Flatten} where the
 * network must mirror a PyTorch module list exactly (d2l's GoogLeNet flattens inside its last block).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Flatten {}
