package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.DeviceMemory;
import org.junit.jupiter.api.Test;

/**
 * Each op's {@code deviceMemory} against what its constructor really allocates on the device (counted
 * by {@link Device#allocatedBytes()}): the memory check trusts these figures to refuse a batch before
 * allocating it.
 */
class OpMemoryTest {
    @TestDevice private static Device device;

    /**
     * Exact where the GEMMs are built with 16-wide register blocks (AVX-512 CPUs), the blocks the
     * estimate rounds packing scratch to; elsewhere the rounding differs by under one block per packed
     * operand, well under 1% for these shapes.
     */
    private static void assertAllocates(DeviceMemory estimate, Supplier<AutoCloseable> build) throws Exception {
        long before = device.allocatedBytes();
        long actual;
        try (AutoCloseable op = build.get()) {
            actual = device.allocatedBytes() - before;
        }
        assertEquals(before, device.allocatedBytes(), "closing the op released everything it allocated");
        // GEMM packing is estimated for the largest register block any tuning may use (a shared scratch block
        // must hold it on every device): never less than allocated, and within 1% of it.
        assertTrue(estimate.bytes() >= actual, estimate.bytes() + " bytes estimated, " + actual + " allocated");
        assertEquals(actual, estimate.bytes(), actual * 0.01);
    }

    @Test
    void aConvolutionAllocatesWhatItsEstimateSaysAndKeepsNoColumns() throws Exception {
        Conv2d probe = new Conv2d(device, "probe", 4, 3, 16, 16, 8, 3, 1, 1, Activation.RELU);
        assertFalse(probe.retainsColumns(), "the columns are scratch, unfolded again in the backward");
        probe.close();
        assertAllocates(Conv2d.deviceMemory(4, 3, 16, 16, 8, 3, 1, 1),
                () -> new Conv2d(device, "retained", 4, 3, 16, 16, 8, 3, 1, 1, Activation.RELU));
    }

    /** AlexNet's conv1 at batch 8 (96 channels: 6 vectors), as {@link Convolutions} picks it for those shapes. */
    @Test
    void aStridedDirectConvolutionAllocatesWhatItsEstimateSays() throws Exception {
        try (Convolution picked = Convolutions.create(device, "conv1", 8, 1, 224, 224, 96, 11, 4, 1,
                Activation.RELU)) {
            assertTrue(picked instanceof StridedConv2d, picked.getClass().getSimpleName());
        }
        assertEquals(StridedConv2d.deviceMemory(8, 1, 224, 224, 96, 11, 4, 1),
                Convolutions.deviceMemory(8, 1, 224, 224, 96, 11, 4, 1));
        assertAllocates(StridedConv2d.deviceMemory(8, 1, 224, 224, 96, 11, 4, 1),
                () -> new StridedConv2d(device, "conv1", 8, 1, 224, 224, 96, 11, 4, 1, Activation.RELU));
    }

    /** 64 images of 27 × 50176 columns (86 M floats) pass the 8 M chunk budget: chunks of 4 share one scratch. */
    @Test
    void aConvolutionSplitIntoChunksAllocatesWhatItsEstimateSays() throws Exception {
        Conv2d probe = new Conv2d(device, "probe", 64, 3, 224, 224, 8, 3, 1, 1, Activation.NONE);
        assertFalse(probe.retainsColumns());
        assertEquals(4, probe.imagesPerChunk());
        probe.close();
        assertAllocates(Conv2d.deviceMemory(64, 3, 224, 224, 8, 3, 1, 1),
                () -> new Conv2d(device, "chunked", 64, 3, 224, 224, 8, 3, 1, 1, Activation.NONE));
    }

    /** AlexNet's conv4 at batch 64: one chunk (V just under the 8 M-float chunk budget), V scratch, dU GEMMs packing. */
    @Test
    void aWinogradConvolutionAllocatesWhatItsEstimateSays() throws Exception {
        WinogradConv2d probe = new WinogradConv2d(device, "probe", 64, 384, 12, 12, 384, 3, 1, 1, Activation.RELU);
        assertFalse(probe.retainsTransformedInput());
        assertEquals(64, probe.imagesPerChunk());
        probe.close();
        assertAllocates(WinogradConv2d.deviceMemory(64, 384, 12, 12, 384, 3, 1, 1),
                () -> new WinogradConv2d(device, "conv4", 64, 384, 12, 12, 384, 3, 1, 1, Activation.RELU));
    }

    /** 64 images of 36 × 64 × 784 transformed floats (115 M) pass the 8 M chunk budget: chunks of 4 share one V. */
    @Test
    void aWinogradConvolutionSplitIntoChunksAllocatesWhatItsEstimateSays() throws Exception {
        WinogradConv2d probe = new WinogradConv2d(device, "probe", 64, 64, 112, 112, 64, 3, 1, 1, Activation.NONE);
        assertFalse(probe.retainsTransformedInput());
        assertEquals(4, probe.imagesPerChunk());
        probe.close();
        assertAllocates(WinogradConv2d.deviceMemory(64, 64, 112, 112, 64, 3, 1, 1),
                () -> new WinogradConv2d(device, "chunked", 64, 64, 112, 112, 64, 3, 1, 1, Activation.NONE));
    }

    /** Large enough that all three GEMMs pack operands (the input-gradient GEMM both). */
    @Test
    void denseLayersAllocateWhatTheirEstimateSays() throws Exception {
        assertAllocates(Dense.deviceMemory(3, 13, 6), () -> new Dense(device, "small", 3, 13, 6, Activation.RELU));
        assertTrue(Gemm.deviceMemory(new GemmShape(false, false, 256, 2048, 1024, false)).bytes()
                > 4L * 2048 * 1024, "the input-gradient GEMM packs both its operands");
        assertAllocates(Dense.deviceMemory(256, 2048, 1024),
                () -> new Dense(device, "large", 256, 2048, 1024, Activation.SIGMOID));
    }

    /** Windows up to 256 values record their arg-max in a byte, larger ones in an int. */
    @Test
    void maxPoolingAllocatesItsArgMaxRecord() throws Exception {
        assertAllocates(MaxPool2d.deviceMemory(5L * 6 * 13 * 13, 3), () -> new MaxPool2d(device, 5, 6, 28, 28, 3, 2, 0));
        assertAllocates(MaxPool2d.deviceMemory(2L * 3 * 3 * 3, 17), () -> new MaxPool2d(device, 2, 3, 40, 40, 17, 10, 0));
    }

    @Test
    void gemmShapesTooLargeToBuildCountBothOperandsInsteadOfFailing() {
        DeviceMemory huge = Gemm.deviceMemory(true, false, 4096, 6400, 1_000_000);
        assertEquals(4L * (4096L * 1_000_000 + 1_000_000L * 6400), huge.bytes());
        assertEquals(4L * 1_000_000 * 6400, huge.largestBufferBytes());
    }
}
