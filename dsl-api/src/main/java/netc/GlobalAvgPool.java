package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Global average pooling, PyTorch's {@code AdaptiveAvgPool2d(1)}: the mean of each channel over the
 * whole plane. Shape rule: {@code C×H×W → C×1×1}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GlobalAvgPool {}
