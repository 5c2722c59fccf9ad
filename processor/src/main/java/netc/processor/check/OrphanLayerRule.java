package netc.processor.check;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.Source;

/**
 * Reports a layer annotation, {@code @Use}, {@code @Branch} or {@code @Shortcut} on a field of a class that is
 * neither a {@code @Network} nor a {@code @Block}: it would do nothing.
 */
public final class OrphanLayerRule {
    private OrphanLayerRule() {}

    public static void check(Element field, TypeElement annotation, Report report) {
        Element owner = field.getEnclosingElement();
        boolean inNetwork = owner.getAnnotationMirrors().stream()
                .map(mirror -> mirror.getAnnotationType().toString())
                .anyMatch(name -> name.equals("netc.Network") || name.equals("netc.Block"));
        if (inNetwork) {
            return;
        }
        field.getAnnotationMirrors().stream()
                .filter(mirror -> mirror.getAnnotationType().asElement().equals(annotation))
                .findFirst()
                .ifPresent(mirror -> report.error(Diagnostic.LAYER_OUTSIDE_NETWORK, new Source(field, mirror),
                        field.getSimpleName(), annotation.getSimpleName(), owner.getSimpleName(),
                        owner.getSimpleName()));
    }
}
