package netc.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Where a value or declaration came from, so that a diagnostic can point at the exact annotation
 * attribute (and, for an array such as {@code @Use(args = {...})}, at one of its elements).
 *
 * <p>The parts are null where unknown: no attribute means the whole annotation, and unit tests that
 * build specs by hand have no elements at all. {@code context} is what a message about a layer inside
 * a block adds at its end: {@code in Residual, used at ResNet18.b3.first with args {128, 2}}.
 *
 * @param index the element of an array attribute, or -1 for the whole attribute
 */
public record Source(Element element, AnnotationMirror annotation, String attribute, int index, String context) {
    public static final Source NONE = new Source(null, null, null, -1, null);

    public Source(Element element, AnnotationMirror annotation) {
        this(element, annotation, null, -1, null);
    }

    public Source(Element element, AnnotationMirror annotation, String attribute) {
        this(element, annotation, attribute, -1, null);
    }

    /** The same annotation, narrowed to one of its attributes (which may be left to its default). */
    public Source at(String attribute) {
        return new Source(element, annotation, attribute, -1, context);
    }

    /** The same annotation, narrowed to one element of an array attribute. */
    public Source at(String attribute, int index) {
        return new Source(element, annotation, attribute, index, context);
    }

    /** The same place, with a block instance's context for the message. */
    public Source in(String context) {
        return new Source(element, annotation, attribute, index, context);
    }
}
