package netc.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where a declaration came from, so that a diagnostic can point at the exact annotation attribute.
 * Both parts are null in unit tests that build specs by hand.
 */
public record Source(Element element, AnnotationMirror annotation) {
    public static final Source NONE = new Source(null, null);
}
