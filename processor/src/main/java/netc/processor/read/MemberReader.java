package netc.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import netc.Arg;
import netc.processor.check.LayerFieldRule;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.kind.AttributeSpec;
import netc.processor.kind.LayerKind;
import netc.processor.kind.KindRegistry;
import netc.processor.model.Attributes;
import netc.processor.model.Container;
import netc.processor.model.LayerSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.Placement;
import netc.processor.model.Source;
import netc.processor.model.UseSpec;
import netc.processor.model.Value;

/**
 * Reads the {@code Layer} fields of a network or block class into {@link MemberSpec}s, values as written
 * (each kind says which attributes it has), running the field rules as it goes. In a network, where no
 * use binds them, a placeholder is reported.
 */
final class MemberReader {
    private final Elements elements;
    private final Report report;

    MemberReader(Elements elements, Report report) {
        this.elements = elements;
        this.report = report;
    }

    List<MemberSpec> read(TypeElement type, Container container) throws AnnotationValues.Unreadable {
        List<MemberSpec> members = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() != ElementKind.FIELD) {
                continue;
            }
            VariableElement field = (VariableElement) member;
            AnnotationMirror annotation = LayerFieldRule.check(field, report);
            if (annotation != null) {
                members.add(member(field, annotation, container));
            }
        }
        return members;
    }

    private MemberSpec member(VariableElement field, AnnotationMirror annotation, Container container)
            throws AnnotationValues.Unreadable {
        String name = field.getSimpleName().toString();
        Source source = new Source(field, annotation);
        AnnotationValues values = new AnnotationValues(annotation, elements);
        Placement placement = placement(field);
        String qualifiedName = LayerFieldRule.nameOf(annotation);
        Optional<LayerKind> kind = KindRegistry.forAnnotation(qualifiedName);
        if (kind.isEmpty()) {
            return use(name, values, placement, source, container);
        }
        Map<String, Value> attributes = new LinkedHashMap<>();
        for (AttributeSpec attribute : kind.get().attributes()) {
            Value value = new Value(read(values, attribute), source.at(attribute.name()));
            attributes.put(attribute.name(), placeholderChecked(name, value, attribute.name(), container));
        }
        return new LayerSpec(name, kind.get(), new Attributes(attributes), placement, source);
    }

    private UseSpec use(String name, AnnotationValues values, Placement placement, Source source, Container container)
            throws AnnotationValues.Unreadable {
        TypeMirror type = values.type("value");
        if (type.getKind() != TypeKind.DECLARED) {
            throw new AnnotationValues.Unreadable("value"); // an unresolved class: javac reports it
        }
        TypeElement block = (TypeElement) ((DeclaredType) type).asElement();
        String blockName = block.getQualifiedName().toString();
        if (!BlockReader.isBlock(block)) {
            report.error(Diagnostic.USE_NOT_BLOCK, source.at("value"), name, block.getSimpleName(),
                    block.getSimpleName());
            blockName = null;
        }
        List<Value> args = new ArrayList<>();
        List<Integer> written = values.integers("args");
        for (int i = 0; i < written.size(); i++) {
            args.add(placeholderChecked(name, new Value(written.get(i), source.at("args", i)), "args", container));
        }
        Value repeat = placeholderChecked(name, new Value(values.integer("repeat"), source.at("repeat")), "repeat",
                container);
        return new UseSpec(name, blockName, args, repeat, values.isWritten("repeat"), placement, source);
    }

    private Placement placement(VariableElement field) throws AnnotationValues.Unreadable {
        for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
            String name = LayerFieldRule.nameOf(mirror);
            if (name.equals("netc.Branch")) {
                return Placement.branch(new AnnotationValues(mirror, elements).integer("value"),
                        new Source(field, mirror));
            }
            if (name.equals("netc.Shortcut")) {
                return Placement.shortcut(new AnnotationValues(mirror, elements).bool("optional"),
                        new Source(field, mirror));
            }
        }
        return Placement.MAIN;
    }

    private static Object read(AnnotationValues values, AttributeSpec attribute) throws AnnotationValues.Unreadable {
        return switch (attribute.type()) {
            case INTEGER -> values.integer(attribute.name());
            case REAL -> values.real(attribute.name());
            case CONSTANT -> values.constant(attribute.name());
        };
    }

    /** A placeholder in a network's own field has nothing to bind it: reported here, once. */
    private Value placeholderChecked(String member, Value value, String attribute, Container container) {
        if (container.network() && value.isPlaceholder()) {
            report.error(Diagnostic.PLACEHOLDER_OUTSIDE_BLOCK, value.source(), member, attribute,
                    Arg.position(value.integer()), container.name());
        }
        return value;
    }
}
