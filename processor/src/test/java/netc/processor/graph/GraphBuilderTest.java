package netc.processor.graph;

import static netc.processor.testing.HandBuilt.block;
import static netc.processor.testing.HandBuilt.layer;
import static netc.processor.testing.HandBuilt.network;
import static netc.processor.testing.HandBuilt.placed;
import static netc.processor.testing.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netc.Activation;
import netc.Arg;
import netc.Join;
import netc.processor.diag.Report;
import netc.processor.model.BlockSpec;
import netc.processor.model.LayerSpec;
import netc.processor.model.Placement;
import netc.processor.model.Shape;
import netc.processor.model.Source;
import org.junit.jupiter.api.Test;

/** Block expansion on hand-built specs: node paths and order, how joins wire them, bound arguments, PyTorch steps. */
class GraphBuilderTest {
    private static final Shape INPUT = Shape.image(4, 8, 8);

    private static LayerSpec conv(String name, int out) {
        return layer(name, "Conv", "out", out, "kernel", 1, "stride", 1, "padding", 0, "activation", Activation.NONE);
    }

    private static Graph build(netc.processor.model.NetworkSpec spec) {
        Report report = new Report();
        Graph graph = GraphBuilder.build(spec, report).orElseThrow();
        assertTrue(report.isClean(), report.errors()::toString);
        return graph;
    }

    private static List<String> paths(Graph graph) {
        return graph.nodes().stream().map(Node::path).toList();
    }

    @Test
    void aResidualIsTheBodyThenTheShortcutThenTheSumAndItsActivation() {
        BlockSpec residual = block("Res", Join.ADD, Activation.RELU, 1,
                conv("conv1", Arg.ARG0),
                placed(conv("conv3", Arg.ARG0), Placement.shortcut(false, Source.NONE)),
                conv("conv2", Arg.ARG0));
        Graph graph = build(network(INPUT, List.of(conv("stem", 4), use("b", "test.Res", 0, 8)), residual));
        assertEquals(List.of("stem", "b.conv1", "b.conv2", "b.conv3", "b:add", "b:relu"), paths(graph));
        Node add = graph.nodes().get(4);
        assertEquals(List.of(2, 3), add.inputs(), "body's end, then the shortcut's");
        assertEquals(List.of(0), graph.nodes().get(3).inputs(), "the shortcut reads the block's input");
        assertEquals(8, graph.nodes().get(1).attributes().integer("out"), "ARG0 bound to the use's 8");
        assertEquals(List.of(4), graph.nodes().get(5).inputs());
    }

    @Test
    void anIdentityShortcutIsAnEdgeFromTheBlocksInput() {
        BlockSpec residual = block("Res", Join.ADD, Activation.NONE, 0, conv("conv1", 4));
        Graph graph = build(network(INPUT, List.of(use("b", "test.Res", 0)), residual));
        assertEquals(List.of("b.conv1", "b:add"), paths(graph));
        assertEquals(List.of(0, Node.INPUT), graph.nodes().get(1).inputs());
    }

    @Test
    void branchesRunInTheirNumbersOrderWhateverTheDeclarationOrder() {
        BlockSpec mixed = block("Mix", Join.CONCAT, Activation.NONE, 0,
                placed(conv("late", 2), Placement.branch(1, Source.NONE)),
                placed(conv("early1", 2), Placement.branch(0, Source.NONE)),
                placed(conv("early2", 2), Placement.branch(0, Source.NONE)));
        Graph graph = build(network(INPUT, List.of(use("m", "test.Mix", 0)), mixed));
        assertEquals(List.of("m.early1", "m.early2", "m.late", "m:concat"), paths(graph));
        assertEquals(List.of(1, 2), graph.nodes().get(3).inputs());
        assertEquals(List.of(Node.INPUT), graph.nodes().get(2).inputs(), "each branch reads the block's input");
    }

    @Test
    void repeatedCopiesAreNumberedAndEachConcatenatesItsInput() {
        BlockSpec grow = block("Grow", Join.CONCAT_INPUT, Activation.NONE, 0, conv("conv", 2));
        Graph graph = build(network(INPUT, List.of(use("g", "test.Grow", 2)), grow));
        assertEquals(List.of("g[0].conv", "g[0]:concat", "g[1].conv", "g[1]:concat"), paths(graph));
        assertEquals(List.of(Node.INPUT, 0), graph.nodes().get(1).inputs(), "the input first, then the body");
        assertEquals(List.of(1, 2), graph.nodes().get(3).inputs());
        PathStep copy = graph.nodes().get(2).torchPath().get(0);
        assertEquals("g", copy.name());
        assertEquals(1, copy.repetition());
    }

    @Test
    void argumentsPassThroughNestedUsesAndTheirSourcesFollow() {
        BlockSpec unit = block("Unit", Join.CHAIN, Activation.NONE, 1, conv("conv", Arg.ARG0));
        BlockSpec stage = block("Stage", Join.CHAIN, Activation.NONE, 1,
                use("first", "test.Unit", 0, Arg.ARG0), use("second", "test.Unit", 0, 3));
        Graph graph = build(network(INPUT, List.of(use("s", "test.Stage", 0, 7)), unit, stage));
        assertEquals(List.of("s.first.conv", "s.second.conv"), paths(graph));
        assertEquals(7, graph.nodes().get(0).attributes().integer("out"));
        assertEquals(3, graph.nodes().get(1).attributes().integer("out"));
        assertEquals("in Unit, used at Net.s.first with args {7}", graph.nodes().get(0).source().context());
        assertEquals(List.of("s", "first", "conv"),
                graph.nodes().get(0).torchPath().stream().map(PathStep::name).toList());
    }

    @Test
    void aBlockThatContainsItselfIsReportedOnceAndLeavesAnUnknownInput() {
        BlockSpec loop = block("Loop", Join.CHAIN, Activation.NONE, 0, conv("conv", 2), use("again", "test.Loop", 0));
        Report report = new Report();
        Graph graph = GraphBuilder.build(network(INPUT, List.of(use("l", "test.Loop", 0), conv("after", 2)), loop),
                report).orElseThrow();
        assertEquals(1, report.errors().size(), report.errors()::toString);
        assertTrue(report.errors().get(0).startsWith("[netc.BlockCycle] l.again: "), report.errors()::toString);
        assertEquals(List.of(Node.UNKNOWN), graph.nodes().get(graph.nodes().size() - 1).inputs());
    }
}
