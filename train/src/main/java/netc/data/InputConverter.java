package netc.data;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * Moves a batch of stored images to the device (uint8 bytes where the dataset stores them, a quarter of
 * the float traffic; floats otherwise) and turns them there into the network's input ({@code resize.cl}):
 * scaled to [0, 1], channels converted, resized bilinearly and optionally normalised.
 */
final class InputConverter implements AutoCloseable {
    private final int batchSize;
    private final int imageSize;
    private final boolean bytes;
    private final NetworkInput input;
    private final Buffer pixels;
    private final Kernel kernel;

    /**
     * @param channels, rows, cols the stored images' shape
     * @param bytes whether they are uploaded as bytes (else floats)
     */
    InputConverter(Device device, int batchSize, int channels, int rows, int cols, boolean bytes, NetworkInput input) {
        this.batchSize = batchSize;
        this.imageSize = channels * rows * cols;
        this.bytes = bytes;
        this.input = input;
        // Buffers count 4-byte elements; the kernel reads this one as bytes or floats.
        this.pixels = Buffer.allocate(device, uploadElements(batchSize, imageSize, bytes));
        Defines defines = Defines.of()
                .set("IN_C", channels).set("IN_H", rows).set("IN_W", cols)
                .set("OUT_C", input.channels()).set("OUT_H", input.height()).set("OUT_W", input.width())
                .set("FLOAT_PIXELS", !bytes);
        Normalization normalization = input.normalization();
        if (!normalization.isNone()) {
            defines.set("NORMALIZE", true)
                    .set("NORM_MEAN", floatList(normalization, true, input.channels()))
                    .set("NORM_STD", floatList(normalization, false, input.channels()));
        }
        this.kernel = device.kernel("resize.cl", "to_input", defines);
    }

    /** The 4-byte elements of the upload buffer for a batch. */
    static long uploadElements(int batchSize, int imageSize, boolean bytes) {
        return bytes ? ((long) batchSize * imageSize + 3) / 4 : (long) batchSize * imageSize;
    }

    /**
     * Uploads the first {@code rows} images of {@code batch} (blocking, so the arrays may be refilled at
     * once) and enqueues their conversion into {@code target}, zeroing the rows past them.
     */
    void convert(Tensor target, HostBatch batch, int rows) {
        if (bytes) {
            pixels.writeBytes(batch.bytes, rows * imageSize);
        } else if (rows > 0) {
            pixels.write(batch.floats, 0, 0, rows * imageSize);
        }
        kernel.launch(new long[] {input.width(), input.height(), (long) batchSize * input.channels()}, null,
                target, pixels, rows);
    }

    /** Hexadecimal float literals, exact in OpenCL C: e.g. {@code 0x1.0p-1f,0x1.0p-1f,0x1.0p-1f}. */
    private static String floatList(Normalization normalization, boolean mean, int channels) {
        StringBuilder list = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            float value = mean ? normalization.mean(c) : normalization.std(c);
            list.append(c == 0 ? "" : ",").append(Float.toHexString(value)).append('f');
        }
        return list.toString();
    }

    @Override
    public void close() {
        pixels.close();
    }
}
