package netc.data;

import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * Moves a batch of grey uint8 images to the device as bytes (a quarter of the float traffic) and
 * turns them there into the network's input: scaled to [0, 1] and resized bilinearly ({@code resize.cl}).
 */
final class InputConverter implements AutoCloseable {
    private final int batchSize;
    private final int imageBytes;
    private final int height;
    private final int width;
    private final Buffer pixels;
    private final Kernel kernel;

    InputConverter(Device device, int batchSize, int rows, int cols, int height, int width) {
        this.batchSize = batchSize;
        this.imageBytes = rows * cols;
        this.height = height;
        this.width = width;
        // Buffers count 4-byte elements; the kernel reads this one as bytes.
        this.pixels = Buffer.allocate(device, ((long) batchSize * imageBytes + 3) / 4);
        this.kernel = device.kernel("resize.cl", "bytes_to_input", Defines.of()
                .set("IN_H", rows).set("IN_W", cols).set("OUT_H", height).set("OUT_W", width));
    }

    /**
     * Uploads the first {@code rows} images of {@code bytes} (blocking, so the array may be refilled at
     * once) and enqueues their conversion into {@code input}, zeroing the rows past them.
     */
    void convert(Tensor input, byte[] bytes, int rows) {
        pixels.writeBytes(bytes, rows * imageBytes);
        kernel.launch(new long[] {width, height, batchSize}, null, input, pixels, rows);
    }

    @Override
    public void close() {
        pixels.close();
    }
}
