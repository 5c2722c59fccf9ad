package netc.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceTest {
    @Test
    void listsAtLeastOneDeviceAndOpensTheDefault() {
        List<DeviceInfo> devices = OpenCl.devices();
        assertFalse(devices.isEmpty());
        try (Device device = Device.open()) {
            assertTrue(device.maxWorkGroupSize() >= 1);
        }
    }

    @Test
    void aSelectorThatMatchesNothingListsTheDevices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceSelector.select(OpenCl.devices(), "no-such-device-xyz"));
        assertTrue(e.getMessage().contains("0:0"), e.getMessage());
    }

    @Test
    void buffersRoundTripAndZero() {
        try (Device device = Device.open(); Buffer buffer = Buffer.allocate(device, 5)) {
            buffer.write(new float[] {1, 2, 3, 4, 5});
            buffer.zero(1, 2);
            float[] back = buffer.readFloats(0, 5);
            assertEquals(List.of(1f, 0f, 0f, 4f, 5f), List.of(back[0], back[1], back[2], back[3], back[4]));
        }
    }

    @Test
    void bytesLandPackedFourToAnElement() {
        try (Device device = Device.open(); Buffer buffer = Buffer.allocate(device, 3)) {
            buffer.writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 99}, 6);
            // Every OpenCL device netc targets is little-endian: byte 0 is an element's low byte.
            int[] back = buffer.readInts(0, 3);
            assertEquals(0x04030201, back[0]);
            assertEquals(0x0605, back[1]);
            assertEquals(0, back[2]);
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.writeBytes(new byte[13], 13));
            assertThrows(IndexOutOfBoundsException.class, () -> buffer.writeBytes(new byte[4], 5));
        }
    }

    @Test
    void reportsAPreferredFloatVectorWidthTheSpecAllows() {
        for (DeviceInfo info : OpenCl.devices()) {
            assertTrue(List.of(1, 2, 4, 8, 16).contains(info.preferredFloatVectorWidth()),
                    info + ": preferred float vector width " + info.preferredFloatVectorWidth());
        }
    }

    @Test
    void aBuildFailureQuotesFileDefinesAndLog() {
        try (Device device = Device.open()) {
            ClException e = assertThrows(ClException.class,
                    () -> device.kernel("gemm_reference.cl", "gemm", Defines.of().set("M", "syntax error here")));
            assertTrue(e.getMessage().contains("gemm_reference.cl"), e.getMessage());
            assertTrue(e.getMessage().contains("-D M=syntax error here"), e.getMessage());
            assertTrue(e.getMessage().contains("build log"), e.getMessage());
        }
    }

    @Test
    void programsAreCachedPerDefines() {
        try (Device device = Device.open()) {
            Kernel first = device.kernel("gemm_reference.cl", "gemm", Defines.of().set("M", 2).set("N", 3));
            Kernel again = device.kernel("gemm_reference.cl", "gemm", Defines.of().set("N", 3).set("M", 2));
            Kernel other = device.kernel("gemm_reference.cl", "gemm", Defines.of().set("M", 3).set("N", 3));
            assertTrue(first == again);
            assertFalse(first == other);
        }
    }
}
