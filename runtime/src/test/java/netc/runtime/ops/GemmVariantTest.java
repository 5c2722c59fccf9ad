package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The variant follows the device type unless the property or the environment variable names one. */
class GemmVariantTest {
    @Test
    void gpusGetTilesAndCpusRegisterBlocks() {
        assertEquals(GemmVariant.LOCAL_TILED, GemmVariant.choose(true, null, null));
        assertEquals(GemmVariant.REGISTER_BLOCKED, GemmVariant.choose(false, null, null));
        assertEquals(GemmVariant.REGISTER_BLOCKED, GemmVariant.choose(false, "", " "));
    }

    @Test
    void theOverrideWinsAndThePropertyBeforeTheEnvironment() {
        assertEquals(GemmVariant.LOCAL_TILED, GemmVariant.choose(false, "tiled", null));
        assertEquals(GemmVariant.REGISTER_BLOCKED, GemmVariant.choose(true, null, "BLOCKED"));
        assertEquals(GemmVariant.REGISTER_BLOCKED, GemmVariant.choose(false, "blocked", "tiled"));
    }

    @Test
    void anUnknownValueNamesTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GemmVariant.choose(true, null, "fast"));
        assertEquals("NETC_GEMM=fast is not a GEMM variant; use tiled (local-memory tiles, for GPUs) or blocked"
                + " (register blocks, for CPUs), or leave it unset to choose by device type.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GemmVariant.choose(false, "tile", null));
        assertEquals("-Dnetc.gemm=tile is not a GEMM variant; use tiled (local-memory tiles, for GPUs) or blocked"
                + " (register blocks, for CPUs), or leave it unset to choose by device type.", e.getMessage());
    }
}
