package netc.processor.codegen;

import static netc.processor.testing.HandBuilt.block;
import static netc.processor.testing.HandBuilt.layer;
import static netc.processor.testing.HandBuilt.network;
import static netc.processor.testing.HandBuilt.placed;
import static netc.processor.testing.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netc.Activation;
import netc.Join;
import netc.processor.check.ShapeChecker;
import netc.processor.codegen.GradientPlan.Route;
import netc.processor.diag.Report;
import netc.processor.graph.GraphBuilder;
import netc.processor.model.BlockSpec;
import netc.processor.model.LayerSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.Placement;
import netc.processor.model.Shape;
import netc.processor.model.Source;
import org.junit.jupiter.api.Test;

/** Which node writes, copies or adds which gradient, and when each gradient tensor is live. */
class GradientPlanTest {

    private static LayerSpec conv(String name) {
        return layer(name, "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.NONE);
    }

    private static LayerSpec pool(String name) {
        return layer(name, "MaxPool", "kernel", 2, "stride", 0, "padding", 0);
    }

    private static NetworkPlan plan(List<MemberSpec> members, BlockSpec... blocks) {
        Report report = new Report();
        NetworkPlan plan = GraphBuilder.build(network(Shape.image(4, 8, 8), members, blocks), report)
                .flatMap(graph -> ShapeChecker.check(graph, report)).orElseThrow();
        assertEquals(List.of(), report.errors());
        return plan;
    }

    private static List<Route> routes(GradientPlan gradients, String node) {
        return gradients.steps().stream().filter(step -> step.node().path().equals(node)).findFirst().orElseThrow()
                .deliveries().stream().map(GradientPlan.Delivery::route).toList();
    }

    /** (producer, first backward step, last backward step) of each gradient, without scratch. */
    private static List<List<Integer>> gradientRanges(GradientPlan gradients) {
        return gradients.intervals().stream().filter(interval -> interval.scratch() < 0)
                .map(interval -> List.of(interval.producer(), interval.start(), interval.end())).toList();
    }

    @Test
    void aChainsGradientLivesFromTheLayerAfterToItsOwnLayer() {
        GradientPlan gradients = GradientPlan.of(plan(List.of(conv("c1"), pool("p1"), conv("c2"), pool("p2"),
                layer("fc", "Dense", "in", -1, "out", 10, "activation", Activation.NONE))));
        // Backward steps: fc 0, p2 1, c2 2, p1 3, c1 4; each gradient is written one step before it is read.
        assertEquals(List.of(List.of(3, 0, 1), List.of(2, 1, 2), List.of(1, 2, 3), List.of(0, 3, 4)),
                gradientRanges(gradients));
        assertEquals(List.of(Route.NONE), routes(gradients, "c1"), "the input needs no gradient");
        assertEquals(List.of(), gradients.skipped());
        assertEquals(false, gradients.combines());
    }

    @Test
    void layersBeforeTheFirstParametersRunNoBackward() {
        GradientPlan gradients = GradientPlan.of(plan(List.of(pool("p1"), pool("p2"), conv("c"))));
        assertEquals(List.of("p1", "p2"), gradients.skipped().stream().map(node -> node.path()).toList());
        assertEquals(List.of(Route.NONE), routes(gradients, "c"));
        assertEquals(List.of(), gradients.intervals());
    }

    @Test
    void aResidualSumHandsOnItsGradientAndTheBodyAddsItsPart() {
        BlockSpec residual = block("Res", Join.ADD, Activation.NONE, 0, conv("conv1"), conv("conv2"));
        GradientPlan gradients = GradientPlan.of(plan(List.of(conv("stem"), use("b", "test.Res", 0),
                layer("fc", "Dense", "in", -1, "out", 10, "activation", Activation.NONE)), residual));
        // b:add is reached first: the body's end gets its tensor, the block's input (stem) a copy.
        assertEquals(List.of(Route.ALIAS, Route.COPY), routes(gradients, "b:add"));
        // conv1 is the later consumer of stem's output: through a scratch workspace, then added.
        assertEquals(List.of(Route.SCRATCH), routes(gradients, "b.conv1"));
        assertEquals(List.of(Route.WRITE), routes(gradients, "b.conv2"));
        assertEquals(true, gradients.combines());
        // Steps: fc 0, b:add 1, b.conv2 2, b.conv1 3, stem 4. d(stem) is written at b:add (a copy) and lives
        // across the body to stem; conv1's part of it is made in a scratch at its own step.
        assertEquals(List.of(List.of(0, 1, 4)), gradientRanges(gradients).stream()
                .filter(range -> range.get(0) == 0).toList());
        assertEquals(List.of(List.of(0, 3, 3)), gradients.intervals().stream().filter(i -> i.scratch() == 0)
                .map(i -> List.of(i.producer(), i.start(), i.end())).toList());
    }

    @Test
    void branchesOfOneInputWriteInTurnAndTheConcatenationWritesFirst() {
        BlockSpec mixed = block("Mix", Join.CONCAT, Activation.NONE, 0,
                placed(conv("a"), Placement.branch(0, Source.NONE)),
                placed(conv("b"), Placement.branch(1, Source.NONE)),
                placed(conv("c"), Placement.branch(2, Source.NONE)));
        GradientPlan gradients = GradientPlan.of(plan(List.of(conv("stem"), use("m", "test.Mix", 0)), mixed));
        assertEquals(List.of(Route.WRITE, Route.WRITE, Route.WRITE), routes(gradients, "m:concat"));
        assertEquals(List.of(Route.WRITE), routes(gradients, "m.c"), "the last branch is the first to reach stem");
        assertEquals(List.of(Route.SCRATCH), routes(gradients, "m.b"));
        assertEquals(List.of(Route.SCRATCH), routes(gradients, "m.a"));
    }

    @Test
    void aFlattenHandsItsGradientOn() {
        GradientPlan gradients = GradientPlan.of(plan(List.of(conv("c"), layer("flatten", "Flatten"),
                layer("fc", "Dense", "in", -1, "out", 10, "activation", Activation.NONE))));
        assertEquals(List.of(Route.ALIAS), routes(gradients, "flatten"));
        assertEquals(List.of(List.of(1, 0, 2)), gradientRanges(gradients),
                "c's gradient is the flatten's tensor, written by fc and read by c");
    }

    @Test
    void anActivationWritesItsInputsGradientOverItsOwnUnlessItIsTheLast() {
        GradientPlan gradients = GradientPlan.of(plan(List.of(conv("c"), layer("relu", "ReLU"),
                layer("fc", "Dense", "in", -1, "out", 10, "activation", Activation.NONE))));
        // Backward steps: fc 0, relu 1, c 2. fc writes relu's gradient; relu' writes c's over it.
        assertEquals(List.of(Route.ALIAS), routes(gradients, "relu"));
        assertEquals(List.of(List.of(1, 0, 2)), gradientRanges(gradients), "one tensor, from fc' to c'");

        GradientPlan last = GradientPlan.of(plan(List.of(conv("c"), layer("relu", "ReLU"))));
        assertEquals(List.of(Route.WRITE), routes(last, "relu"), "dLogits is the caller's: not written over");
    }

    @Test
    void aDropoutWhoseInputHasAnotherReaderStillWritesItsPartInPlaceIfItIsFirst() {
        BlockSpec residual = block("Res", Join.ADD, Activation.NONE, 0, layer("drop", "Dropout", "value", 0.5),
                conv("conv"));
        GradientPlan gradients = GradientPlan.of(plan(List.of(conv("stem"), use("b", "test.Res", 0),
                layer("fc", "Dense", "in", -1, "out", 10, "activation", Activation.NONE)), residual));
        // b:add copies its gradient to stem first, so the dropout is not the first to reach stem: a scratch.
        assertEquals(List.of(Route.SCRATCH), routes(gradients, "b.drop"));
    }
}
