package netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netc.runtime.model.LayerRow;
import netc.runtime.model.MemoryPlan;
import netc.runtime.model.MemoryPlan.Placement;
import netc.runtime.model.NetworkInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The memory plan the compiler wrote into every sample network: tensors live at the same step never share
 * memory, each output has its shape's room, and the block is far smaller than keeping everything (what the
 * generated code did before it planned by liveness). That the plan's lifetimes are long enough is what the
 * PyTorch parity and gradient tests show: a tensor overwritten while still needed would change their numbers.
 */
class MemoryPlanTest {

    static Stream<Arguments> networks() {
        return Stream.of(LeNetModel.INFO, AlexNetModel.INFO, VGG11Model.INFO, NiNModel.INFO, GoogLeNetModel.INFO,
                LeNetBNModel.INFO, ResNet18Model.INFO, DenseNetModel.INFO).map(info -> Arguments.of(info.name(), info));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void tensorsLiveTogetherNeverShareMemory(String name, NetworkInfo info) {
        List<Placement> placements = info.memory().placements();
        List<String> clashes = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            for (int j = i + 1; j < placements.size(); j++) {
                Placement a = placements.get(i);
                Placement b = placements.get(j);
                if (a.livesWith(b) && a.overlaps(b)) {
                    clashes.add(a + " and " + b);
                }
            }
            Placement p = placements.get(i);
            assertTrue(p.offset() + p.size() <= info.memory().floatsPerExample(), p + " ends inside the block");
            assertTrue(p.firstStep() <= p.lastStep(), p + " is live over some steps");
        }
        assertEquals(List.of(), clashes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void everyOutputHasItsRoomAndTheLogitsLiveToTheEnd(String name, NetworkInfo info) {
        MemoryPlan plan = info.memory();
        int lastStep = plan.placements().stream().mapToInt(Placement::lastStep).max().orElseThrow();
        for (int i = 0; i < info.layers().size(); i++) {
            LayerRow layer = info.layers().get(i);
            if (layer.kind().equals("Flatten") || plan.writtenOverInput().contains(layer.name())) {
                continue; // its output is its input's tensor
            }
            Placement output = outputOf(plan, info.layers(), i);
            long size = layer.outputShape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);
            assertTrue(output.size() >= size, layer.name() + ": " + output + " holds " + size + " floats");
            if (i == info.layers().size() - 1) {
                assertEquals(lastStep, output.lastStep(), "the logits are read after the step");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void theBlockIsSmallerThanKeepingEveryOutputAndTwoGradients(String name, NetworkInfo info) {
        long keepEverything = MemoryPlan.ofChain(info.layers()).floatsPerExample();
        assertTrue(info.memory().floatsPerExample() < keepEverything,
                info.memory().floatsPerExample() + " floats per example, against " + keepEverything);
    }

    @org.junit.jupiter.api.Test
    void dropoutsAfterReluLayersAndReluLayersAfterBatchNormsRunInPlace() {
        assertEquals(List.of("drop1", "drop2"), AlexNetModel.INFO.memory().writtenOverInput(),
                "fc1' and fc2' read only their ReLUs' signs, which the dropouts keep");
        List<String> reluLayers = ResNet18Model.INFO.layers().stream().filter(row -> row.kind().equals("ReLU"))
                .map(LayerRow::name).toList();
        assertTrue(reluLayers.size() >= 8, "every residual block has a ReLU layer after its first batch norm");
        assertEquals(reluLayers, ResNet18Model.INFO.memory().writtenOverInput(), "each over its batch norm's output");
        assertEquals(List.of(), LeNetModel.INFO.memory().writtenOverInput(), "LeNet has no such layer");
    }

    /**
     * The plan lists the layers' outputs first, in layer order, one for each layer but a flatten and a layer
     * written over its input (whose output is its input's tensor); each is written at its layer's forward step or, for an average pool that the convolution
     * before it computes, at that convolution's.
     */
    private static Placement outputOf(MemoryPlan plan, List<LayerRow> layers, int layer) {
        int placed = (int) layers.subList(0, layer).stream().filter(row -> !row.kind().equals("Flatten")
                && !plan.writtenOverInput().contains(row.name())).count();
        Placement output = plan.placements().get(placed);
        assertTrue(output.firstStep() == layer || output.firstStep() == layer - 1,
                output + " is written at layer " + layer + "'s step or the one before");
        return output;
    }
}
