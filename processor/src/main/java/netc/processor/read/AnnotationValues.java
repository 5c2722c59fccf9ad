package netc.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The attributes of one annotation, defaults included, read from its mirror rather than through
 * {@code getAnnotation}: a value javac could not resolve (an undefined constant) then shows up as
 * {@link Unreadable} instead of an exception from deep inside javac.
 */
final class AnnotationValues {
    /** An attribute did not hold a constant of the expected type; javac has already reported why. */
    static final class Unreadable extends Exception {
        Unreadable(String attribute) {
            super(attribute, null, false, false);
        }
    }

    private final AnnotationMirror mirror;
    private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;

    AnnotationValues(AnnotationMirror mirror, Elements elements) {
        this.mirror = mirror;
        this.values = elements.getElementValuesWithDefaults(mirror);
    }

    int integer(String attribute) throws Unreadable {
        return get(attribute, Integer.class);
    }

    double real(String attribute) throws Unreadable {
        return get(attribute, Number.class).doubleValue();
    }

    boolean bool(String attribute) throws Unreadable {
        return get(attribute, Boolean.class);
    }

    /** The simple name of an enum constant attribute. */
    String constant(String attribute) throws Unreadable {
        return get(attribute, VariableElement.class).getSimpleName().toString();
    }

    /** A {@code Class<?>} attribute's type. */
    TypeMirror type(String attribute) throws Unreadable {
        return get(attribute, TypeMirror.class);
    }

    /** An {@code int[]} attribute's elements. */
    List<Integer> integers(String attribute) throws Unreadable {
        List<Integer> integers = new ArrayList<>();
        for (Object element : get(attribute, List.class)) {
            Object value = ((AnnotationValue) element).getValue();
            if (!(value instanceof Integer integer)) {
                throw new Unreadable(attribute);
            }
            integers.add(integer);
        }
        return integers;
    }

    /** Whether the attribute is written in the source rather than left to its default. */
    boolean isWritten(String attribute) {
        return mirror.getElementValues().keySet().stream()
                .anyMatch(method -> method.getSimpleName().contentEquals(attribute));
    }

    private <T> T get(String attribute, Class<T> type) throws Unreadable {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : values.entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(attribute)) {
                Object value = entry.getValue().getValue();
                if (type.isInstance(value)) {
                    return type.cast(value);
                }
            }
        }
        throw new Unreadable(attribute);
    }
}
