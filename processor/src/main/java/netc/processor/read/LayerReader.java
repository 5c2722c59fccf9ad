package netc.processor.read;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import netc.Activation;
import netc.processor.model.LayerSpec;
import netc.processor.model.LayerSpec.PoolKind;
import netc.processor.model.Source;

/** Turns one layer annotation into its {@link LayerSpec}, values as written (checking is elsewhere). */
final class LayerReader {
    private LayerReader() {}

    static LayerSpec read(VariableElement field, AnnotationMirror mirror, Elements elements)
            throws AnnotationValues.Unreadable {
        String name = field.getSimpleName().toString();
        Source source = new Source(field, mirror);
        AnnotationValues values = new AnnotationValues(mirror, elements);
        String annotation = mirror.getAnnotationType().asElement().getSimpleName().toString();
        return switch (annotation) {
            case "Conv" -> new LayerSpec.Conv(name, values.integer("out"), values.integer("kernel"),
                    values.integer("stride"), values.integer("padding"), activation(values), source);
            case "MaxPool", "AvgPool" -> new LayerSpec.Pool(name,
                    annotation.equals("MaxPool") ? PoolKind.MAX : PoolKind.AVG,
                    values.integer("kernel"), values.integer("stride"), values.integer("padding"), source);
            case "Dense" -> new LayerSpec.Dense(name, values.integer("in"), values.integer("out"),
                    activation(values), source);
            case "Dropout" -> new LayerSpec.Dropout(name, values.real("value"), source);
            default -> throw new IllegalArgumentException("not a layer annotation: " + annotation);
        };
    }

    private static Activation activation(AnnotationValues values) throws AnnotationValues.Unreadable {
        return Activation.valueOf(values.constant("activation"));
    }
}
