package netc.processor.codegen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.ShapedNode;

/**
 * The architecture's fingerprint: hex SHA-256 of a canonical text with one line for the input
 * ({@code input 1,224,224}) and one per node ({@code conv1 Conv(96, k11, s4, p1, RELU) 96,54,54}), which
 * names the node's inputs ({@code  <- b3.first.bn2,b3.first.conv3}) where they are not the line above.
 * Node names are part of it because weight files are keyed by them; a chain hashes as it always has.
 */
public final class ShapeHash {
    private ShapeHash() {}

    public static String of(NetworkPlan plan) {
        return HexFormat.of().formatHex(sha256(canonical(plan)));
    }

    static String canonical(NetworkPlan plan) {
        StringBuilder text = new StringBuilder("input ").append(dimensions(plan.spec().input().dimensions()));
        for (ShapedNode node : plan.nodes()) {
            text.append('\n').append(node.path()).append(' ').append(node.node().kind().describe(node.node()))
                    .append(' ').append(dimensions(node.output().dimensions()));
            List<Integer> inputs = node.node().inputs();
            if (!inputs.equals(List.of(node.index() - 1))) {
                text.append(" <- ").append(inputs.stream()
                        .map(input -> input == Node.INPUT ? "input" : plan.node(input).path())
                        .collect(Collectors.joining(",")));
            }
        }
        return text.toString();
    }

    private static String dimensions(List<Long> dimensions) {
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
