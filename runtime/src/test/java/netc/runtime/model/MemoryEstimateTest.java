package netc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netc.runtime.cl.Scratch;
import netc.runtime.ops.BatchNorm;
import netc.runtime.ops.Conv2d;
import netc.runtime.ops.Dense;
import netc.runtime.ops.DirectConv2d;
import netc.runtime.ops.MaxPool2d;
import netc.runtime.ops.SmallDense;
import org.junit.jupiter.api.Test;

/**
 * The estimate from a shape table whose rows say what their ops allocate, term by term, for small networks
 * built by hand; samples' ModelMemoryTest checks it against what generated models really allocate.
 */
class MemoryEstimateTest {
    /** (1, 8, 8) → conv (4, 8, 8) → max pool (4, 4, 4) → dropout → dense (3). */
    private static final NetworkInfo SMALL = new NetworkInfo("Small", "p.Small", 1, 8, 8, 3, List.of(
            new LayerRow("conv", "Conv(4, k3, s1, p1, RELU)", List.of(4, 8, 8), 40, 2304,
                    batch -> DirectConv2d.deviceMemory(batch, 1, 8, 8, 4, 3, 1)),
            new LayerRow("pool", "MaxPool(k2, s2, p0)", List.of(4, 4, 4), 0, 0,
                    batch -> MaxPool2d.deviceMemory(batch * 64L, 2)),
            new LayerRow("drop", "Dropout(0.5)", List.of(64), 0, 0),
            new LayerRow("fc", "Dense(3)", List.of(3), 195, 192, batch -> SmallDense.deviceMemory(64, 3))),
            "hash", "");

    @Test
    void theModelIsItsInputItsPlannedBlockAndEachOpsOwnBuffers() {
        int batch = 5;
        DeviceMemory ops = DirectConv2d.deviceMemory(batch, 1, 8, 8, 4, 3, 1)
                .plus(MaxPool2d.deviceMemory(batch * 64L, 2))
                .plus(SmallDense.deviceMemory(64, 3));
        // input 64; a table built by hand plans every output, 256 + 64 + 64 + 3, and two workspaces of the
        // largest gradient (conv's 256), per example
        long floats = batch * (64L + 256 + 64 + 64 + 3 + 2 * 256);
        assertEquals(ops.bytes() + 4 * floats, MemoryEstimate.model(SMALL, batch).bytes());
    }

    @Test
    void theOpsScratchSharesOneBlockAsLargeAsTheLargestOps() {
        NetworkInfo wide = new NetworkInfo("Wide", "p.Wide", 3, 8, 8, 10, List.of(
                new LayerRow("conv", "Conv(32, k3, s1, p1, RELU)", List.of(32, 8, 8), 896, 55296,
                        batch -> Conv2d.deviceMemory(batch, 3, 8, 8, 32, 3, 1, 1)),
                new LayerRow("fc", "Dense(10)", List.of(10), 20490, 20480,
                        batch -> Dense.deviceMemory(batch, 2048, 10))), "hash", "");
        int batch = 2;
        // The two ops' scratch shares one block, the larger op's, with room for its regions' rounding.
        DeviceMemory ops = Conv2d.deviceMemory(batch, 3, 8, 8, 32, 3, 1, 1).alongside(Dense.deviceMemory(batch, 2048, 10));
        ops = ops.withScratchFloats(Scratch.blockFloats(ops.scratchFloats()));
        assertTrue(ops.scratchBytes() > 0, "Conv2d's im2col columns are scratch");
        long floats = batch * (192L + 2048 + 10 + 2048); // input, outputs, one workspace: the one gradient between layers
        assertEquals(ops.bytes() + 4 * floats, MemoryEstimate.model(wide, batch).bytes());
    }

    @Test
    void trainingAddsTheVelocitiesAndTwoPassesOverData() {
        int batch = 5;
        long velocities = 40 + 195; // one per parameter, as many as gradients
        long pipeline = batch + 2 * batch + batch * 3 + (batch * 784 + 3) / 4; // labels, loss rows, dLogits, bytes
        assertEquals(MemoryEstimate.model(SMALL, batch).bytes() + 4 * velocities,
                MemoryEstimate.trainingStep(SMALL, batch).bytes(), "a gradient per parameter, made by the first backward");
        assertEquals(MemoryEstimate.model(SMALL, batch).bytes() + 4 * (2 * velocities + 2 * pipeline),
                MemoryEstimate.training(SMALL, batch, 784).bytes(), "gradients, velocities and two passes");
        assertEquals(MemoryEstimate.model(SMALL, batch).bytes() + 4 * pipeline,
                MemoryEstimate.evaluation(SMALL, batch, 784).bytes());
    }

    @Test
    void anAbsurdBatchIsEstimatedNotRefusedByTheShapeChecks() {
        DeviceMemory huge = MemoryEstimate.model(SMALL, Integer.MAX_VALUE);
        // The largest buffer is the planned block: outputs 387 and two workspaces of 256 floats per example.
        assertEquals(4L * Integer.MAX_VALUE * (387 + 2 * 256), huge.largestBufferBytes());
    }

    /** The estimate reads no kind text: a row says what its op allocates, and a row that says nothing owns nothing. */
    @Test
    void eachRowsOpMemoryIsCountedWhateverItsKind() {
        NetworkInfo odd = new NetworkInfo("Odd", "p.Odd", 1, 8, 8, 3, List.of(
                new LayerRow("swish", "Swish", List.of(1, 8, 8), 0, 0),
                new LayerRow("fc", "Dense(3)", List.of(3), 195, 192, batch -> DeviceMemory.floats(1000L * batch))),
                List.of(), List.of(), new MemoryPlan(100, List.of()), "hash", "");
        int batch = 2;
        long floats = batch * (64L + 100) + 1000L * batch; // the input, the plan's block, fc's op
        assertEquals(4 * floats, MemoryEstimate.model(odd, batch).bytes());
    }

    /**
     * (1, 8, 8) → conv (4, 8, 8) → BatchNorm → ReLU, summed with the conv's output → flatten → dense (3):
     * each row's op as the row says, and the block its plan asks for.
     */
    @Test
    void aGraphAddsItsRowsOpsAndUsesItsPlannedBlock() {
        NetworkInfo graph = new NetworkInfo("Graph", "p.Graph", 1, 8, 8, 3, List.of(
                new LayerRow("conv", "Conv(4, k3, s1, p1)", List.of(4, 8, 8), 40, 2304, List.of(-1), List.of(),
                        batch -> DirectConv2d.deviceMemory(batch, 1, 8, 8, 4, 3, 1)),
                new LayerRow("b.bn", "BatchNorm", List.of(4, 8, 8), 8, 0, List.of(0), List.of(),
                        batch -> BatchNorm.deviceMemory(batch, 4)),
                new LayerRow("b.relu", "ReLU", List.of(4, 8, 8), 0, 0, List.of(1), List.of()),
                new LayerRow("b:add", "Add", List.of(4, 8, 8), 0, 0, List.of(2, 0), List.of()),
                new LayerRow("flatten", "Flatten", List.of(256), 0, 0, List.of(3), List.of()),
                new LayerRow("fc", "Dense(3)", List.of(3), 771, 768, List.of(4), List.of(),
                        batch -> SmallDense.deviceMemory(256, 3))),
                List.of(), List.of(), new MemoryPlan(1800, List.of()), "hash", "");
        int batch = 5;
        DeviceMemory ops = DirectConv2d.deviceMemory(batch, 1, 8, 8, 4, 3, 1)
                .plus(BatchNorm.deviceMemory(batch, 4))
                .plus(SmallDense.deviceMemory(256, 3));
        long floats = batch * (64L + 1800); // the input, and the plan's block
        assertEquals(ops.bytes() + 4 * floats, MemoryEstimate.model(graph, batch).bytes());
    }
}
