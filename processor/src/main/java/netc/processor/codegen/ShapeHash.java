package netc.processor.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedLayer;

/**
 * The architecture's fingerprint: hex SHA-256 of a canonical text with one line for the input
 * ({@code input 1,224,224}) and one per layer ({@code conv1 Conv(96, k11, s4, p1, RELU) 96,54,54}).
 * Layer names are part of it because weight files are keyed by them.
 */
public final class ShapeHash {
    private ShapeHash() {}

    public static String of(NetworkPlan plan) {
        return HexFormat.of().formatHex(sha256(canonical(plan)));
    }

    static String canonical(NetworkPlan plan) {
        StringBuilder text = new StringBuilder("input ").append(dimensions(plan.spec().input().dimensions()));
        for (ShapedLayer layer : plan.layers()) {
            text.append('\n').append(layer.name()).append(' ').append(LayerText.kind(layer.spec()))
                    .append(' ').append(dimensions(layer.output().dimensions()));
        }
        return text.toString();
    }

    private static String dimensions(java.util.List<Long> dimensions) {
        return dimensions.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
