package netc.processor.check;

import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.Source;

/** Checks that {@code @Network} sits on a class the generated code and tools can use. */
public final class NetworkTypeRule {
    private NetworkTypeRule() {}

    /**
     * Reports every problem with the class itself; false when it is not a class at all, in which case
     * its fields are not worth reading (an interface's fields are all static, an enum's are constants).
     */
    public static boolean check(TypeElement type, Source at, Report report) {
        String name = type.getSimpleName().toString();
        if (type.getKind() != ElementKind.CLASS) {
            report.error(Diagnostic.NETWORK_NOT_CLASS, at, name, describe(type.getKind()), name);
            return false;
        }
        if (type.getModifiers().contains(Modifier.PRIVATE)) {
            report.error(Diagnostic.NETWORK_PRIVATE, at, name);
        }
        if (!type.getTypeParameters().isEmpty()) {
            String parameters = type.getTypeParameters().stream()
                    .map(parameter -> parameter.getSimpleName().toString())
                    .collect(Collectors.joining(", ", "<", ">"));
            report.error(Diagnostic.NETWORK_GENERIC, at, name, parameters);
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            report.error(Diagnostic.NETWORK_INNER, at, name);
        }
        return true;
    }

    private static String describe(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT); // RECORD, on Java 16+
        };
    }
}
