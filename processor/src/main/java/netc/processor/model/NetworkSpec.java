package netc.processor.model;

import java.util.List;

/**
 * A {@code @Network} class as declared: where it lives, one example's input shape and its layers
 * in field order.
 *
 * @param packageName the package, where the generated classes go too ("" for the unnamed one)
 * @param simpleName the class's own name, {@code AlexNet}
 * @param binaryName what {@code Class.forName} takes, {@code p.Outer$AlexNet} when nested
 * @param baseName the generated classes' prefix: the simple name, or {@code Outer_AlexNet} when nested
 */
public record NetworkSpec(String packageName, String simpleName, String binaryName, String baseName,
                          Shape input, List<LayerSpec> layers, Source source) {

    public NetworkSpec {
        layers = List.copyOf(layers);
    }
}
