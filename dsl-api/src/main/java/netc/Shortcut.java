package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In a {@link Join#ADD} block, marks a layer of the shortcut path (d2l's 1×1 projection
 * {@code conv3}); the other layers form the body. Without shortcut layers the shortcut is the identity.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Shortcut {
    /**
     * When true, the shortcut layers exist only at uses where the body changes the input's shape
     * (d2l's {@code use_1x1conv}); elsewhere the shortcut is the identity and they hold no parameters.
     */
    boolean optional() default false;
}
