package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * In a {@link Join#CONCAT} block, the branch a layer belongs to (0, 1, 2, ...). The layers of one
 * branch run in declaration order on the block's input; branches are concatenated in increasing
 * number.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Branch {
    int value();
}
