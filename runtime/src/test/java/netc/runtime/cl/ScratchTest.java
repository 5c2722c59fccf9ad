package netc.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every lease starts at the block's beginning, its regions follow one another, and an overdraft is named. */
class ScratchTest {
    @TestDevice private static Device device;

    @Test
    void eachLeaseStartsAtTheBeginningAndItsRegionsDoNotOverlap() {
        try (Scratch scratch = new Scratch(device, Scratch.blockFloats(1000))) {
            Scratch.Lease first = scratch.lease();
            Buffer a = first.take(300);
            Buffer b = first.take(700);
            Buffer c = scratch.lease().take(5);
            a.write(filled(300, 1f));
            b.write(filled(700, 2f));
            assertArrayEquals(filled(300, 1f), a.readFloats(0, 300), "b, after a, left a alone");
            assertArrayEquals(filled(5, 1f), c.readFloats(0, 5), "another op's region starts where a does");
            c.write(filled(5, 3f));
            assertEquals(3f, a.readFloats(0, 1)[0], "and writing it overwrites a: that is the sharing");
            assertEquals(2f, b.readFloats(0, 1)[0]);
        }
    }

    @Test
    void anOpAskingMoreThanTheBlockHoldsIsABugNamedAsOne() {
        try (Scratch scratch = new Scratch(device, 1024)) {
            Scratch.Lease lease = scratch.lease();
            lease.take(1000);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> lease.take(100));
            assertTrue(e.getMessage().startsWith("The model's scratch block holds 1024 floats, but an op asks for"),
                    e.getMessage());
        }
    }

    @Test
    void theBlockLeavesRoomForTheRegionsRounding() {
        assertEquals(0, Scratch.blockFloats(0), "no op takes scratch: no block");
        assertTrue(Scratch.blockFloats(1) >= 16 * Scratch.REGION_ALIGNMENT);
    }

    private static float[] filled(int count, float value) {
        float[] values = new float[count];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
