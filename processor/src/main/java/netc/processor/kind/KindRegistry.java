package netc.processor.kind;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netc.Activation;
import netc.Join;

/**
 * Every node kind, found by what names it: a layer annotation's qualified name, a block's join, or the
 * activation a block applies after its join. Adding a kind is one class and one line here.
 */
public final class KindRegistry {
    private static final List<LayerKind> LAYERS = List.of(
            new ConvKind(),
            new PoolKind.Max(),
            new PoolKind.Avg(),
            new DenseKind(),
            new DropoutKind(),
            new BatchNormKind(),
            new ActivationKind(Activation.RELU, "ReLU"),
            new ActivationKind(Activation.SIGMOID, "Sigmoid"),
            new ActivationKind(Activation.TANH, "Tanh"),
            new GlobalAvgPoolKind(),
            new FlattenKind());
    private static final Map<String, LayerKind> BY_ANNOTATION = byAnnotation();
    private static final NodeKind ADD = new AddKind();
    private static final NodeKind CONCAT = new ConcatKind();

    private KindRegistry() {}

    /** The kind an annotation declares, if it is a layer annotation. */
    public static Optional<LayerKind> forAnnotation(String qualifiedName) {
        return Optional.ofNullable(BY_ANNOTATION.get(qualifiedName));
    }

    /** The qualified names of every layer annotation, in registry order. */
    public static Set<String> annotations() {
        return BY_ANNOTATION.keySet();
    }

    /** {@code @Conv, @MaxPool, ...}: how messages list the layer annotations. */
    public static String annotationList() {
        return String.join(", ", LAYERS.stream().map(kind -> "@" + kind.simpleName()).toList());
    }

    /**
     * Types the kinds' generated code names in expressions ({@code Activation.RELU},
     * {@code MaxPool2d.afterRelu(...)}, {@code DirectConv2d.pooled(...)}, and every op that owns memory in
     * {@code INFO}'s rows: {@code Dense.deviceMemory(...)}), which a field would obscure.
     */
    public static List<String> expressionTypes() {
        return List.of(Activations.ACTIVATION.simpleName(), "MaxPool2d", "DirectConv2d", "Conv2d", "WinogradConv2d",
                "StridedConv2d", "Dense", "SmallDense", "BatchNorm");
    }

    /** The runtime op classes of every kind, for the names the generated code must leave free. */
    public static List<ClassName> opTypes() {
        List<ClassName> types = new java.util.ArrayList<>();
        LAYERS.forEach(kind -> types.addAll(kind.opTypes()));
        types.addAll(ADD.opTypes());
        types.addAll(CONCAT.opTypes());
        return types.stream().distinct().toList();
    }

    /** The node that joins a block's paths; none for {@code CHAIN}, whose output is its last layer's. */
    public static Optional<NodeKind> join(Join join) {
        return switch (join) {
            case CHAIN -> Optional.empty();
            case ADD -> Optional.of(ADD);
            case CONCAT, CONCAT_INPUT -> Optional.of(CONCAT);
        };
    }

    /** The layer kind of an activation function ({@code RELU} → {@code @ReLU}'s); none for {@code NONE}. */
    public static Optional<LayerKind> activation(Activation function) {
        return LAYERS.stream()
                .filter(kind -> kind instanceof ActivationKind activation && activation.function() == function)
                .findFirst();
    }

    private static Map<String, LayerKind> byAnnotation() {
        Map<String, LayerKind> kinds = new LinkedHashMap<>();
        LAYERS.forEach(kind -> kinds.put(kind.annotation(), kind));
        return java.util.Collections.unmodifiableMap(kinds);
    }
}
