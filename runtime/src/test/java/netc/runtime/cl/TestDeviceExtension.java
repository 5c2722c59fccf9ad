package netc.runtime.cl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fills the {@link TestDevice} fields of a test class with a device opened for the class, which the class's
 * extension store closes when the class's tests are done.
 */
public final class TestDeviceExtension implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDeviceExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : testClass.getDeclaredFields()) {
            if (!field.isAnnotationPresent(TestDevice.class)) {
                continue;
            }
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != Device.class) {
                throw new ExtensionConfigurationException("@TestDevice field " + testClass.getSimpleName() + "."
                        + field.getName() + " must be a static Device: one device serves the whole class.");
            }
            // A Device is AutoCloseable: the store closes it when the class's context ends.
            Device device = context.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> Device.open(), Device.class);
            field.setAccessible(true);
            field.set(null, device);
        }
    }
}
