package netc.processor.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import netc.Activation;
import netc.processor.check.ShapeChecker;
import netc.processor.diag.Report;
import netc.processor.graph.GraphBuilder;
import netc.processor.graph.Node;
import netc.processor.model.NetworkPlan;
import netc.processor.model.NetworkSpec;
import netc.processor.model.Shape;
import netc.processor.model.ShapedNode;
import netc.processor.model.Sizes;
import netc.processor.model.Source;
import netc.processor.testing.HandBuilt;
import org.junit.jupiter.api.Test;

/** The shape rule and the costs, on hand-built specs, against numbers worked out independently. */
class ShapeArithmeticTest {

    @Test
    void windowRuleFloorsAndCountsTheFirstPosition() {
        assertEquals(54, ShapeArithmetic.windowOutput(224, 11, 4, 1)); // (224 + 2 − 11) / 4 = 53.75
        assertEquals(28, ShapeArithmetic.windowOutput(28, 5, 1, 2));   // "same" padding
        assertEquals(5, ShapeArithmetic.windowOutput(12, 3, 2, 0));
        assertEquals(1, ShapeArithmetic.windowOutput(3, 3, 7, 0));     // one window, whatever the stride
        assertEquals(0, ShapeArithmetic.windowOutput(4, 5, 1, 0));     // kernel one larger than the input
        assertEquals(-1, ShapeArithmetic.windowOutput(4, 7, 2, 0));    // floor(−1.5), not truncation to −1
    }

    @Test
    void windowRuleDoesNotOverflowOnHugeSizes() {
        long in = Integer.MAX_VALUE;
        assertEquals(in + 2 * (long) Integer.MAX_VALUE, ShapeArithmetic.windowOutput(in, 1, 1, Integer.MAX_VALUE));
    }

    @Test
    void heightAndWidthUseTheirOwnSizes() {
        Shape out = output(conv(8, 3, 2, 1), Shape.image(3, 20, 11));
        assertEquals(Shape.image(8, 10, 6), out); // (20 + 2 − 3) / 2 + 1 = 10, (11 + 2 − 3) / 2 + 1 = 6
    }

    @Test
    void poolStrideZeroMeansTheKernel() {
        Node pool = HandBuilt.node("AvgPool", "kernel", 2, "stride", 0, "padding", 0);
        assertEquals(Shape.image(6, 14, 14), output(pool, Shape.image(6, 28, 28)));
        assertEquals("AvgPool(k2, s2, p0)", pool.kind().describe(pool));
    }

    @Test
    void denseFlattensAndDropoutKeepsTheShape() {
        Shape image = Shape.image(256, 5, 5);
        assertEquals(Shape.features(4096),
                output(HandBuilt.node("Dense", "in", -1, "out", 4096, "activation", Activation.RELU), image));
        assertEquals(image, output(HandBuilt.node("Dropout", "value", 0.5), image));
    }

    @Test
    void leNetShapesAndCostsMatchD2l() {
        NetworkSpec spec = new NetworkSpec("p", "LeNet", "p.LeNet", "LeNet", Shape.image(1, 28, 28), List.of(
                HandBuilt.layer("conv1", "Conv", "out", 6, "kernel", 5, "stride", 1, "padding", 2,
                        "activation", Activation.SIGMOID),
                HandBuilt.layer("pool1", "AvgPool", "kernel", 2, "stride", 2, "padding", 0),
                HandBuilt.layer("conv2", "Conv", "out", 16, "kernel", 5, "stride", 1, "padding", 0,
                        "activation", Activation.SIGMOID),
                HandBuilt.layer("pool2", "AvgPool", "kernel", 2, "stride", 2, "padding", 0),
                HandBuilt.layer("fc1", "Dense", "in", -1, "out", 120, "activation", Activation.SIGMOID),
                HandBuilt.layer("fc2", "Dense", "in", -1, "out", 84, "activation", Activation.SIGMOID),
                HandBuilt.layer("fc3", "Dense", "in", -1, "out", 10, "activation", Activation.NONE)),
                Map.of(), Source.NONE);
        Report report = new Report();
        NetworkPlan plan = GraphBuilder.build(spec, report).flatMap(graph -> ShapeChecker.check(graph, report))
                .orElseThrow();
        assertTrue(report.isClean());
        List<Shape> outputs = plan.nodes().stream().map(ShapedNode::output).toList();
        assertEquals(List.of(Shape.image(6, 28, 28), Shape.image(6, 14, 14), Shape.image(16, 10, 10),
                Shape.image(16, 5, 5), Shape.features(120), Shape.features(84), Shape.features(10)), outputs);
        // d2l's LeNet has 61,706 parameters: 156 + 2,416 + 48,120 + 10,164 + 850.
        assertEquals(61_706, plan.parameters());
        // conv1 6·28·28·1·25 + conv2 16·10·10·6·25 + 400·120 + 120·84 + 84·10
        assertEquals(117_600 + 240_000 + 48_000 + 10_080 + 840, plan.multiplyAdds());
        // PyTorch's Sequential: 0 conv 1 sigmoid 2 pool 3 conv 4 sigmoid 5 pool 6 flatten 7 linear 8 sigmoid 9 linear ...
        List<Integer> slots = plan.nodes().stream().map(node -> node.torchPath().get(0).slot()).toList();
        assertEquals(List.of(0, 2, 3, 5, 7, 9, 11), slots);
    }

    @Test
    void costsSaturateInsteadOfOverflowing() {
        Node huge = conv(Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 0);
        Shape input = Shape.image(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
        long parameters = huge.kind().parameters(huge, input).stream().mapToLong(TensorSpec::size)
                .reduce(0, Sizes::plus);
        assertEquals(Long.MAX_VALUE, parameters);
        assertEquals(Long.MAX_VALUE, huge.kind().multiplyAdds(huge, input, input));
    }

    private static Shape output(Node node, Shape input) {
        Incoming incoming = new Incoming(input, null, null, null, null, null);
        return node.kind().output(node, List.of(incoming), new Report()).orElseThrow();
    }

    private static Node conv(int out, int kernel, int stride, int padding) {
        return HandBuilt.node("Conv", "out", out, "kernel", kernel, "stride", stride, "padding", padding,
                "activation", Activation.NONE);
    }
}
