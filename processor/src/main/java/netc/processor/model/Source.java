package netc.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where a declaration came from, so that a diagnostic can point at the exact annotation attribute.
 * The parts are null where unknown: no attribute means the whole annotation, and unit tests that
 * build specs by hand have no elements at all.
 */
public record Source(Element element, AnnotationMirror annotation, String attribute) {
    public static final Source NONE = new Source(null, null, null);

    public Source(Element element, AnnotationMirror annotation) {
        this(element, annotation, null);
    }

    /** The same annotation, narrowed to one of its attributes (which may be left to its default). */
    public Source at(String attribute) {
        return new Source(element, annotation, attribute);
    }
}
