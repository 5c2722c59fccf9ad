package netc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.IntFunction;
import netc.runtime.cl.Device;
import netc.runtime.cl.DeviceInfo;
import org.junit.jupiter.api.Test;

/** A batch the device cannot hold is refused before allocation, naming the largest batch that fits. */
class DeviceMemoryCheckTest {
    private static final long GB = 1_000_000_000L;

    private static DeviceInfo device(long globalBytes, long maxAllocBytes) {
        return new DeviceInfo(0, 0, "Portable Computing Language", "pthread-test", false, 4, globalBytes,
                maxAllocBytes, 4096, 1 << 20, 16, null);
    }

    /** 37.3 MB per example plus 100 MB of weights; the largest buffer grows 2.24 MB per example. */
    private static final IntFunction<DeviceMemory> NEED =
            batch -> new DeviceMemory(100_000_000L + 37_300_000L * batch, 2_240_000L * batch);

    @Test
    void aBatchTooLargeForTheDeviceIsRefusedWithTheLargestThatFits() {
        DeviceMemoryException e = assertThrows(DeviceMemoryException.class,
                () -> DeviceMemoryCheck.require(device(23_400_000_000L, 4 * GB), "AlexNet", 4096, NEED));
        // 23.4 GB holds (23.4e9 - 1e8) / 37.3e6 = 624 examples, rounded down to a multiple of 64: 576.
        assertEquals("AlexNet at batch 4096 needs about 152.9 GB of device memory (largest buffer 9.2 GB) but"
                + " pthread-test has 23.4 GB (max 4.0 GB per buffer); the largest batch that fits is 576: pass"
                + " --batch-size 576 or less.", e.getMessage());
        assertDoesNotThrow(() -> DeviceMemoryCheck.require(device(23_400_000_000L, 4 * GB), "AlexNet", 576, NEED));
    }

    @Test
    void theLargestBufferIsCheckedAgainstTheLimitPerBuffer() {
        // Plenty of memory, but one buffer may hold at most 1 GB: 446 examples of 2.24 MB, rounded to 416.
        DeviceMemoryException e = assertThrows(DeviceMemoryException.class,
                () -> DeviceMemoryCheck.require(device(1000 * GB, GB), "AlexNet", 512, NEED));
        assertTrue(e.getMessage().contains("(largest buffer 1.1 GB) but pthread-test has 1.0 TB (max 1.0 GB per"
                + " buffer); the largest batch that fits is 416: pass --batch-size 416 or less."), e.getMessage());
    }

    @Test
    void whenNoBatchFitsTheMessageSaysSo() {
        DeviceMemoryException e = assertThrows(DeviceMemoryException.class,
                () -> DeviceMemoryCheck.require(device(50_000_000L, GB), "Big", 8, NEED));
        assertTrue(e.getMessage().endsWith("even batch 1 does not fit: choose a device with more memory (netc devices"
                + " lists them)."), e.getMessage());
    }

    @Test
    void smallBatchesAreRoundedLessAndSizesUseReadableUnits() {
        IntFunction<DeviceMemory> perExample = batch -> DeviceMemory.floats(250_000L * batch); // 1 MB each
        assertEquals(11, DeviceMemoryCheck.largestFittingBatch(64, perExample, device(11 * 1_000_000L, GB)));
        assertEquals(96, DeviceMemoryCheck.largestFittingBatch(1000, perExample, device(100 * 1_000_000L, GB)));
        assertEquals("57.3 GB", DeviceMemoryCheck.bytes(57_300_000_000L));
        assertEquals("5.6 TB", DeviceMemoryCheck.bytes(5_600_000_000_000L));
        assertEquals("12.5 MB", DeviceMemoryCheck.bytes(12_500_000L));
        assertEquals("0.4 kB", DeviceMemoryCheck.bytes(400));
    }

    /** The refusal comes before the factory runs: nothing is allocated, so nothing can abort. */
    @Test
    void aRefusedBuildAllocatesNothing() {
        NetworkInfo info = new NetworkInfo("Huge", "p.Huge", 1, 28, 28, 10,
                List.of(new LayerRow("fc", "Dense(10)", List.of(10), 7850, 7840)), "hash", "");
        try (Device device = Device.open()) {
            long before = device.allocatedBytes();
            int batch = Integer.MAX_VALUE;
            assertThrows(DeviceMemoryException.class, () -> DeviceMemoryCheck.build(
                    (d, b) -> fail("the model was built although it cannot fit"), info, device, batch,
                    b -> MemoryEstimate.model(info, b)));
            assertEquals(before, device.allocatedBytes());
        }
    }
}
