package netc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PyTorch's {@code state_dict} names against the compiled PyTorch paths of a network's tensors. */
class NetworkInfoTest {
    /** A sequential stem at slot 0, a block repeated at slot 1 (this its copy 1), a dense layer at slot 3. */
    private static final NetworkInfo INFO = new NetworkInfo("Net", "p.Net", 1, 8, 8, 10,
            List.of(
                    new LayerRow("b1.conv", "Conv(4, k3, s1, p1)", List.of(4, 8, 8), 40, 0, List.of(-1),
                            List.of(new TorchStep("b1", 0, -1), new TorchStep("conv", 0, -1))),
                    new LayerRow("b2[1].bn1", "BatchNorm", List.of(4, 8, 8), 8, 0, List.of(0),
                            List.of(new TorchStep("b2", 1, 1), new TorchStep("bn1", 1, -1))),
                    new LayerRow("b2[1]:add", "Add", List.of(4, 8, 8), 0, 0, List.of(1, 0), List.of()),
                    new LayerRow("fc", "Dense(10)", List.of(10), 2570, 0, List.of(2),
                            List.of(new TorchStep("fc", 3, -1)))),
            List.of(new TensorInfo("b1.conv.weight", 0, "weight", List.of(4, 1, 3, 3)),
                    new TensorInfo("b2[1].bn1.weight", 1, "weight", List.of(4)),
                    new TensorInfo("fc.weight", 3, "weight", List.of(10, 256))),
            List.of(new TensorInfo("b2[1].bn1.running_mean", 1, "running_mean", List.of(4))),
            new MemoryPlan(1024, List.of()), "hash", "summary");

    @Test
    void eachLevelMatchesByNameOrSlotThenTheRepetition() {
        TensorInfo stem = INFO.parameters().get(0);
        assertTrue(INFO.matchesTorchName(stem, "0.0.weight"));
        assertTrue(INFO.matchesTorchName(stem, "b1.conv.weight"));
        assertTrue(INFO.matchesTorchName(stem, "0.conv.weight"));
        TensorInfo bn = INFO.parameters().get(1);
        assertTrue(INFO.matchesTorchName(bn, "1.1.bn1.weight"), "slot, repetition, name");
        assertTrue(INFO.matchesTorchName(bn, "b2.1.1.weight"));
        assertFalse(INFO.matchesTorchName(bn, "1.0.bn1.weight"), "another copy");
        assertFalse(INFO.matchesTorchName(bn, "1.bn1.weight"), "the repetition is a segment of its own");
        assertFalse(INFO.matchesTorchName(bn, "1.1.bn1.bias"), "another suffix");
        assertFalse(INFO.matchesTorchName(bn, "1.1.bn1.weight.extra"));
        assertTrue(INFO.matchesTorchName(INFO.parameters().get(2), "3.weight"));
        assertFalse(INFO.matchesTorchName(INFO.parameters().get(2), "2.weight"));
    }

    @Test
    void aNameFindsItsParameterOrBuffer() {
        assertEquals(Optional.of(INFO.buffers().get(0)), INFO.tensorForTorchName("1.1.bn1.running_mean"));
        assertEquals(Optional.of(INFO.parameters().get(2)), INFO.tensorForTorchName("fc.weight"));
        assertEquals(Optional.empty(), INFO.tensorForTorchName("4.weight"));
        assertEquals(Optional.empty(), INFO.tensorForTorchName(""));
    }

    @Test
    void aTableWithoutTensorsStillCountsItsParameters() {
        NetworkInfo info = new NetworkInfo("Net", "p.Net", 1, 8, 8, 10,
                List.of(new LayerRow("fc", "Dense(10)", List.of(10), 650, 640)), "hash", "summary");
        assertEquals(650, info.parameterCount());
        assertEquals(List.of(), info.parameters());
        assertEquals(List.of(), info.layers().get(0).torchPath());
        assertEquals(new MemoryPlan(10, List.of()), info.memory(), "its output, and no gradient passed on");
    }
}
