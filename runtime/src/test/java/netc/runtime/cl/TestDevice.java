package netc.runtime.cl;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class's {@code static Device} field: {@link TestDeviceExtension} opens one OpenCL device
 * before the class's first test (and before its {@code @BeforeAll} methods, which may use it) and closes it
 * after the last, as JUnit's {@code @TempDir} does for a directory. One device per class keeps the
 * context's setup out of every test, and no test class repeats the opening and closing.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestDeviceExtension.class)
public @interface TestDevice {}
