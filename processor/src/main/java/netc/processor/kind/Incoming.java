package netc.processor.kind;

import netc.processor.model.Shape;
import netc.processor.model.Source;

/**
 * One input of a node as its shape rule sees it: the shape, where it comes from (for messages), and
 * the history that messages about joins and flattening need.
 *
 * @param producer the producing node's path, or null for the network's input
 * @param explanation how the producer arrived at its height and width ({@code floor((12 + 2·0 − 3) / 2) + 1 = 5}),
 *     or null when it did not change them by a rule worth showing
 * @param flattenedBy the node that made the values flat, or null while they are an image
 * @param resized the nearest node upstream, inside the same block, that changed height or width; null if none
 * @param channels the nearest node upstream, inside the same block, whose attribute set the channel count (a
 *     convolution's {@code out}); null if none did
 */
public record Incoming(Shape shape, String producer, String explanation, String flattenedBy, Cause resized,
                       Cause channels) {

    /** A node that set a size, the attribute to blame for it, and its arithmetic (or null). */
    public record Cause(String node, Source at, String how) {
        /** {@code " (p2_2: floor((12 + 2·0 − 3) / 1) + 1 = 10)"}, or "". */
        public String explained() {
            return how == null ? "" : " (" + node + ": " + how + ")";
        }
    }

    /** {@code pool3}, or {@code the input}. */
    public String origin() {
        return producer == null ? "the input" : producer;
    }

    /** {@code the 1×4×4 output of pool1}, or {@code the 1×8×8 network input}. */
    public String described() {
        return producer == null ? "the " + shape.product() + " network input"
                : "the " + shape.product() + " output of " + producer;
    }

    /** {@code " (pool3: floor((12 + 2·0 − 3) / 2) + 1 = 5)"}, or "" without an explanation. */
    public String explained() {
        return explanation == null ? "" : " (" + producer + ": " + explanation + ")";
    }
}
