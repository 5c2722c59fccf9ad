package netc.processor.read;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import netc.Join;
import netc.processor.check.AttributeRule;
import netc.processor.check.NetworkTypeRule;
import netc.processor.check.PlacementRule;
import netc.processor.diag.Diagnostic;
import netc.processor.diag.Report;
import netc.processor.model.Container;
import netc.processor.model.MemberSpec;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Shape;
import netc.processor.model.Source;

/**
 * Reads a {@code @Network} class, and every block it uses, into a {@link NetworkSpec}, running the rules
 * that need the elements themselves (the class, each field, each attribute) as it goes, so one compile
 * reports them all.
 */
public final class SpecReader {
    private SpecReader() {}

    /** The spec, possibly with errors in {@code report}; empty when the class cannot be read at all. */
    public static Optional<NetworkSpec> read(TypeElement type, Elements elements, BlockLibrary blocks, Report report) {
        AnnotationMirror network = type.getAnnotationMirrors().stream()
                .filter(mirror -> mirror.getAnnotationType().toString().equals("netc.Network"))
                .findFirst()
                .orElseThrow();
        Source source = new Source(type, network);
        if (!NetworkTypeRule.check(type, source, report)) {
            return Optional.empty();
        }
        try {
            AnnotationValues values = new AnnotationValues(network, elements);
            Shape input = Shape.image(values.integer("channels"), values.integer("height"), values.integer("width"));
            String name = type.getSimpleName().toString();
            AttributeRule.checkInput(name, input, source, report);
            Container container = new Container(name, Join.CHAIN, true);
            List<MemberSpec> members = new MemberReader(elements, report).read(type, container);
            if (members.isEmpty()) {
                report.error(Diagnostic.NO_LAYERS, source, name);
            }
            PlacementRule.check(members, container, source, report);
            String packageName = elements.getPackageOf(type).getQualifiedName().toString();
            return Optional.of(new NetworkSpec(packageName, name, elements.getBinaryName(type).toString(),
                    baseName(type), input, members, blocks.reachable(members, report), source));
        } catch (AnnotationValues.Unreadable e) {
            return Optional.empty(); // javac reports the unresolved value itself, and the build fails anyway.
        }
    }

    /**
     * {@code AlexNet}, or {@code Outer_AlexNet} for a nested class: the rule {@link netc.Network}'s Javadoc
     * states, which the command line's {@code ModelLookup.modelName} follows to find the generated model.
     */
    private static String baseName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element outer = type.getEnclosingElement(); !(outer instanceof PackageElement);
                outer = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.toString();
    }
}
