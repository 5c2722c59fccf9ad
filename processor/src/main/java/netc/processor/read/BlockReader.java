package netc.processor.read;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import netc.Activation;
import netc.Arg;
import netc.Join;
import netc.processor.check.PlacementRule;
import netc.processor.diag.Report;
import netc.processor.model.BlockSpec;
import netc.processor.model.Container;
import netc.processor.model.LayerSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.Source;
import netc.processor.model.UseSpec;
import netc.processor.model.Value;

/** Reads one {@code @Block} class into a {@link BlockSpec}, reporting what is wrong with its fields and their placement. */
final class BlockReader {
    private BlockReader() {}

    static boolean isBlock(TypeElement type) {
        return blockAnnotation(type) != null;
    }

    static BlockSpec read(TypeElement type, Elements elements, Report report) {
        AnnotationMirror annotation = blockAnnotation(type);
        Source source = new Source(type, annotation);
        String name = type.getSimpleName().toString();
        String qualifiedName = type.getQualifiedName().toString();
        int errorsBefore = report.errors().size();
        try {
            AnnotationValues values = new AnnotationValues(annotation, elements);
            Join join = Join.valueOf(values.constant("join"));
            Activation activation = Activation.valueOf(values.constant("activation"));
            Container container = new Container(name, join, false);
            List<MemberSpec> members = new MemberReader(elements, report).read(type, container);
            boolean placed = PlacementRule.check(members, container, source, report);
            boolean clean = placed && report.errors().size() == errorsBefore;
            return new BlockSpec(qualifiedName, name, join, activation, members, arity(members),
                    placeholderNames(type), clean, source);
        } catch (AnnotationValues.Unreadable e) {
            // javac reports the unresolved value itself; the block is not expanded anywhere.
            return new BlockSpec(qualifiedName, name, Join.CHAIN, Activation.NONE, List.of(), 0, Map.of(), false,
                    source);
        }
    }

    /** One more than the highest placeholder its members mention: what every use must pass. */
    private static int arity(List<MemberSpec> members) {
        int arity = 0;
        for (MemberSpec member : members) {
            List<Value> values = member instanceof LayerSpec layer
                    ? List.copyOf(layer.attributes().values().values())
                    : withRepeat((UseSpec) member);
            for (Value value : values) {
                if (value.isPlaceholder()) {
                    arity = Math.max(arity, Arg.position(value.integer()) + 1);
                }
            }
        }
        return arity;
    }

    private static List<Value> withRepeat(UseSpec use) {
        List<Value> values = new java.util.ArrayList<>(use.args());
        values.add(use.repeat());
        return values;
    }

    /** {@code static final int CHANNELS = ARG0;} names placeholder 0 {@code CHANNELS} in messages. */
    private static Map<Integer, String> placeholderNames(TypeElement type) {
        Map<Integer, String> names = new TreeMap<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD && member.getModifiers().contains(Modifier.STATIC)
                    && ((VariableElement) member).getConstantValue() instanceof Integer value
                    && Arg.isPlaceholder(value)) {
                names.putIfAbsent(Arg.position(value), member.getSimpleName().toString());
            }
        }
        return names;
    }

    private static AnnotationMirror blockAnnotation(TypeElement type) {
        return type.getAnnotationMirrors().stream()
                .filter(mirror -> mirror.getAnnotationType().toString().equals("netc.Block"))
                .findFirst()
                .orElse(null);
    }
}
