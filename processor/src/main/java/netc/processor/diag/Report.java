package netc.processor.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;
import netc.processor.model.Source;

/**
 * Collects the diagnostics of one network and prints them together; the only class that touches the
 * {@link Messager}, so every message carries the element, annotation and attribute it is about.
 *
 * <p>A message about a node inside a block ends with the block instance's context. The same diagnostic
 * on the same attribute is reported once: a wrong value written in a block used four times is one
 * mistake, named by its first instance.
 */
public final class Report {

    /** One message and the most precise place javac can underline for it. */
    public record Entry(Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

    private record Place(Diagnostic diagnostic, Element element, AnnotationMirror annotation, String attribute,
                         int index) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Set<Element> elementsWithErrors = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Place> reported = new HashSet<>();

    /** Reports {@code diagnostic} on the attribute {@code at} names (or its array element), or on its whole annotation. */
    public void error(Diagnostic diagnostic, Source at, Object... args) {
        if (at.element() != null
                && !reported.add(new Place(diagnostic, at.element(), at.annotation(), at.attribute(), at.index()))) {
            return;
        }
        AnnotationValue value = at.annotation() == null || at.attribute() == null
                ? null : written(at.annotation(), at.attribute(), at.index());
        String message = diagnostic.format(args) + (at.context() == null ? "" : " (" + at.context() + ")");
        add(new Entry(Kind.ERROR, message, at.element(), at.annotation(), value));
    }

    /** Reports {@code diagnostic} on an element that no annotation points at (a bare field). */
    public void error(Diagnostic diagnostic, Element element, Object... args) {
        add(new Entry(Kind.ERROR, diagnostic.format(args), element, null, null));
    }

    public void note(Diagnostic diagnostic, Element element, Object... args) {
        add(new Entry(Kind.NOTE, diagnostic.format(args), element, null, null));
    }

    private void add(Entry entry) {
        entries.add(entry);
        if (entry.kind() == Kind.ERROR && entry.element() != null) {
            elementsWithErrors.add(entry.element());
        }
    }

    /** True while no error has been reported: only then is code generated. */
    public boolean isClean() {
        return entries.stream().noneMatch(entry -> entry.kind() == Kind.ERROR);
    }

    /** Whether an error is already reported on this declaration; later checks then leave it alone. */
    public boolean hasErrorOn(Source source) {
        return source.element() != null && elementsWithErrors.contains(source.element());
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<String> errors() {
        return entries.stream().filter(entry -> entry.kind() == Kind.ERROR).map(Entry::message).toList();
    }

    public void printTo(Messager messager) {
        for (Entry entry : entries) {
            if (entry.element() == null) {
                messager.printMessage(entry.kind(), entry.message());
            } else {
                messager.printMessage(entry.kind(), entry.message(), entry.element(), entry.annotation(), entry.value());
            }
        }
    }

    /** The attribute's value (or one element of an array value) as written, or null where it was left to its default. */
    private static AnnotationValue written(AnnotationMirror annotation, String attribute, int index) {
        AnnotationValue value = annotation.getElementValues().entrySet().stream()
                .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (value != null && index >= 0 && value.getValue() instanceof List<?> elements && index < elements.size()) {
            return (AnnotationValue) elements.get(index);
        }
        return value;
    }
}
