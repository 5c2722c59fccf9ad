package netc.processor.codegen;

import static netc.processor.testing.HandBuilt.block;
import static netc.processor.testing.HandBuilt.layer;
import static netc.processor.testing.HandBuilt.network;
import static netc.processor.testing.HandBuilt.use;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netc.Activation;
import netc.Join;
import netc.processor.check.ShapeChecker;
import netc.processor.diag.Report;
import netc.processor.graph.GraphBuilder;
import netc.processor.model.BlockSpec;
import netc.processor.model.MemberSpec;
import netc.processor.model.NetworkPlan;
import netc.processor.model.Shape;
import netc.processor.model.ShapedNode;
import org.junit.jupiter.api.Test;

/** When each output and gradient is live, and that the placement keeps tensors live together apart. */
class MemoryPlanTest {

    private static MemoryPlan plan(List<MemberSpec> members) {
        NetworkPlan plan = shaped(members);
        return MemoryPlan.of(plan, GradientPlan.of(plan), new Identifiers(plan));
    }

    private static NetworkPlan shaped(List<MemberSpec> members, BlockSpec... blocks) {
        Report report = new Report();
        java.util.Optional<NetworkPlan> plan = GraphBuilder.build(network(Shape.image(2, 8, 8), members, blocks), report)
                .flatMap(graph -> ShapeChecker.check(graph, report));
        assertEquals(List.of(), report.errors());
        return plan.orElseThrow();
    }

    private static List<Integer> live(MemoryPlan plan, String field) {
        MemoryPlan.Placement placement = plan.placement(field);
        return List.of(placement.first(), placement.last());
    }

    @Test
    void eachTensorLivesUntilTheLastStepThatReadsIt() {
        // Forward steps c1 0, p1 1, drop 2, c2 3, fc 4; backward fc' 5, c2' 6, drop' 7, p1' 8, c1' 9.
        // The dropout writes over p1's output, which no other layer reads, and over its gradient in the backward.
        MemoryPlan plan = plan(List.of(
                layer("c1", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.RELU),
                layer("p1", "MaxPool", "kernel", 2, "stride", 0, "padding", 0),
                layer("drop", "Dropout", "value", 0.5),
                layer("c2", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.RELU),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertEquals(List.of(0, 1), live(plan, "c1Out"), "dead once pooled: the max pool applies its ReLU's derivative");
        assertEquals(List.of(1, 6), live(plan, "p1Out"),
                "the dropout writes over it (max pooling keeps its arg-max); c2' reads it for the weight gradient");
        assertEquals(List.of(3, 6), live(plan, "c2Out"), "fc' reads it at 5, c2' at 6 for its ReLU's derivative");
        assertEquals(List.of(4, 9), live(plan, "fcOut"), "the logits live to the end");
        assertEquals(List.of(5, 6), live(plan, "dc2Out"));
        assertEquals(List.of(6, 8), live(plan, "ddropOut"), "drop' writes p1's gradient over it, which p1' reads");
        assertTrue(plan.placements().stream().noneMatch(p -> p.field().equals("dp1Out")), "p1's gradient is ddropOut");
        assertEquals(List.of(8, 9), live(plan, "dc1Out"));
        for (MemoryPlan.Placement a : plan.placements()) {
            assertEquals(0, a.offset() % MemoryPlan.ALIGNMENT, a + " starts aligned");
            for (MemoryPlan.Placement b : plan.placements()) {
                boolean apart = a.offset() + a.size() <= b.offset() || b.offset() + b.size() <= a.offset();
                assertTrue(a == b || !a.livesWith(b) || apart, a + " and " + b + " are live together");
            }
        }
        long everything = plan.placements().stream().mapToLong(MemoryPlan.Placement::size).sum();
        assertTrue(plan.floatsPerExample() < everything, "tensors not live together share memory");
        assertTrue(plan.floatsPerExample() >= plan.mostLiveAtOnce());
    }

    @Test
    void aFlattensReadersKeepItsInputLive() {
        // Forward c 0, flatten 1, fc 2; backward fc' 3, flatten' 4 (hands on), c' 5.
        MemoryPlan plan = plan(List.of(
                layer("c", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.NONE),
                layer("flatten", "Flatten"),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertEquals(List.of(0, 5), live(plan, "cOut"), "fc' reads it through the flatten; c' reads it too");
        assertEquals(List.of(3, 5), live(plan, "dflattenOut"), "c's gradient is the flatten's tensor");
        assertEquals(3, plan.placements().size(), "cOut, fcOut, dflattenOut; the flatten has no tensor of its own");
    }

    @Test
    void anAveragePoolItsConvolutionComputesIsWrittenAtTheConvolutionsStepAndHandsItItsGradient() {
        // Forward c 0 (writes p too), p 1, fc 2; backward fc' 3, p' 4 (hands on), c' 5.
        MemoryPlan plan = plan(List.of(
                layer("c", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.SIGMOID),
                layer("p", "AvgPool", "kernel", 2, "stride", 0, "padding", 0),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertEquals(List.of(0, 5), live(plan, "cOut"), "c' reads it for the sigmoid's derivative");
        assertEquals(List.of(0, 3), live(plan, "pOut"), "written by c's forward, read by fc and fc'");
        assertEquals(List.of(3, 5), live(plan, "dpOut"), "c' reads the pooled gradient itself");
        assertEquals(4, plan.placements().size(), "cOut, pOut, fcOut, dpOut: no convolution-sized gradient");
    }

    @Test
    void anAveragePoolThatDoesNotTileTheOutputRunsOnItsOwn() {
        // A 3x3 window at stride 2 overlaps: c 0, p 1, fc 2; fc' 3, p' 4, c' 5.
        MemoryPlan plan = plan(List.of(
                layer("c", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.SIGMOID),
                layer("p", "AvgPool", "kernel", 3, "stride", 2, "padding", 0),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertEquals(List.of(1, 3), live(plan, "pOut"));
        assertEquals(List.of(4, 5), live(plan, "dcOut"), "the pool's backward writes c's own gradient");
    }

    @Test
    void aDropoutAfterAReluLayerWritesOverItsInputAndSharesItsRange() {
        // Forward c 0, fc1 1, drop 2, fc2 3; backward fc2' 4, drop' 5, fc1' 6, c' 7.
        NetworkPlan network = shaped(List.of(
                layer("c", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.RELU),
                layer("fc1", "Dense", "in", -1, "out", 8, "activation", Activation.RELU),
                layer("drop", "Dropout", "value", 0.5),
                layer("fc2", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        Identifiers names = new Identifiers(network);
        MemoryPlan plan = MemoryPlan.of(network, GradientPlan.of(network), names);
        assertTrue(names.writesOverInput(2), "fc1' reads only its output's signs, which the dropout keeps");
        assertEquals("fc1Out", names.output(2), "the dropout's output is fc1's tensor");
        assertEquals(List.of(1, 6), live(plan, "fc1Out"), "fc2 and fc2' read it as the dropout's output, fc1' as its own");
        assertTrue(plan.placements().stream().noneMatch(p -> p.field().equals("dropOut")), "no tensor of its own");
    }

    @Test
    void aDropoutAfterASigmoidKeepsItsOwnOutput() {
        NetworkPlan network = shaped(List.of(
                layer("fc1", "Dense", "in", -1, "out", 8, "activation", Activation.SIGMOID),
                layer("drop", "Dropout", "value", 0.5),
                layer("fc2", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertFalse(new Identifiers(network).writesOverInput(1), "fc1' needs its sigmoid's values, not only signs");
    }

    @Test
    void aReluAfterABatchNormWritesOverItsInputUnlessAnotherLayerReadsIt() {
        NetworkPlan alone = shaped(List.of(
                layer("c", "Conv", "out", 4, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.NONE),
                layer("bn", "BatchNorm"),
                layer("relu", "ReLU"),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertTrue(new Identifiers(alone).writesOverInput(2), "bn' reads its input, not its output");
        ActivationFusion fusion = new Identifiers(alone).activationFusion();
        assertTrue(fusion.isFusingNorm(1) && fusion.isFusedActivation(2), "bn applies the ReLU in its own calls");
        MemoryPlan plan = MemoryPlan.of(alone, GradientPlan.of(alone), new Identifiers(alone));
        // Forward c 0, bn 1, relu 2, fc 3; backward fc' 4, relu' 5 (no call), bn' 6, c' 7.
        assertEquals(List.of(1, 6), live(plan, "bnOut"), "bn' reads the activated output for the ReLU's derivative");

        NetworkPlan first = shaped(List.of(
                layer("relu", "ReLU"),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        assertFalse(new Identifiers(first).writesOverInput(0), "the network's input is the caller's");
        NetworkPlan sigmoidThenDropout = shaped(List.of(
                layer("bn", "BatchNorm"),
                layer("s", "Sigmoid"),
                layer("drop", "Dropout", "value", 0.5),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)));
        Identifiers names = new Identifiers(sigmoidThenDropout);
        assertTrue(names.writesOverInput(1), "bn' reads its input only");
        assertTrue(names.activationFusion().isFusingNorm(0), "bn applies the sigmoid");
        assertFalse(names.writesOverInput(2), "s' reads the sigmoid's values");
    }

    @Test
    void aLayerWhoseInputHasAnotherReaderKeepsItsOwnOutput() {
        // The block's input, c's output, is read by its ReLU and by the join's identity shortcut.
        BlockSpec residual = block("Res", Join.ADD, Activation.NONE, 0,
                layer("relu", "ReLU"),
                layer("conv", "Conv", "out", 2, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.NONE));
        NetworkPlan network = shaped(List.of(
                layer("c", "Conv", "out", 2, "kernel", 3, "stride", 1, "padding", 1, "activation", Activation.NONE),
                use("res", "test.Res", 0),
                layer("fc", "Dense", "in", -1, "out", 3, "activation", Activation.NONE)), residual);
        ShapedNode relu = network.nodes().stream().filter(node -> node.node().kind().mayWriteOverInput()).findFirst()
                .orElseThrow();
        assertFalse(new Identifiers(network).writesOverInput(relu.index()), "the shortcut still reads c's output");
        assertFalse(new Identifiers(network).activationFusion().isFusedActivation(relu.index()), "and c is no batch norm");
    }
}
