package netc.processor.check;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.kind.KindRegistry;
import netc.processor.model.Source;

/**
 * Checks one field of a network or block class: a member is a non-static {@code netc.Layer} field with
 * exactly one layer annotation or {@code @Use}. A {@code Layer} field without one is an error too, since
 * it would silently drop out of the network; fields of other types without layer annotations are the
 * user's own.
 */
public final class LayerFieldRule {
    /** The qualified names of the annotations that make a field a member: every layer kind's, and {@code @Use}. */
    public static final Set<String> LAYER_ANNOTATIONS = memberAnnotations();

    private LayerFieldRule() {}

    /**
     * The field's layer annotation, or null when it declares no layer. A layer field with a mistake
     * still returns its annotation (the error on it stops shape checking there, instead of every later
     * layer appearing to shift by one).
     */
    public static AnnotationMirror check(VariableElement field, Report report) {
        List<? extends AnnotationMirror> layers = field.getAnnotationMirrors().stream()
                .filter(mirror -> LAYER_ANNOTATIONS.contains(nameOf(mirror)))
                .toList();
        String name = field.getSimpleName().toString();
        if (layers.isEmpty()) {
            if (isLayerType(field)) {
                report.error(Diagnostic.UNANNOTATED_LAYER, field, name, KindRegistry.annotationList());
            }
            return null;
        }
        AnnotationMirror layer = layers.get(0);
        if (layers.size() > 1) {
            report.error(Diagnostic.CONFLICTING_LAYERS, new Source(field, layers.get(1)), name,
                    simpleNameOf(layer), simpleNameOf(layers.get(1)));
        }
        if (field.getModifiers().contains(Modifier.STATIC)) {
            report.error(Diagnostic.STATIC_LAYER, new Source(field, layer), name);
        }
        if (!isLayerType(field)) {
            report.error(Diagnostic.LAYER_FIELD_TYPE, new Source(field, layer), name, simpleNameOf(layer),
                    field.asType(), name);
        }
        return layer;
    }

    private static Set<String> memberAnnotations() {
        Set<String> names = new LinkedHashSet<>(KindRegistry.annotations());
        names.add("netc.Use");
        return java.util.Collections.unmodifiableSet(names);
    }

    static boolean isLayerType(VariableElement field) {
        return field.asType().getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) field.asType()).asElement()).getQualifiedName()
                        .contentEquals("netc.Layer");
    }

    public static String nameOf(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    static String simpleNameOf(AnnotationMirror mirror) {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }
}
