package netc.spark;

import java.io.Serializable;
import netc.data.ImageDataset;

/**
 * One training example as a Spark RDD holds it: an image's pixels as stored (unsigned bytes, or floats
 * in [0, 1], CHW order) and its class index. Bytes stay bytes on the way to the executors: a
 * Fashion-MNIST image is 784 of them instead of 3,136.
 */
public final class LabelledExample implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private final float[] floats;
    private final int label;

    private LabelledExample(byte[] bytes, float[] floats, int label) {
        this.bytes = bytes;
        this.floats = floats;
        this.label = label;
    }

    /** Image {@code index} of {@code data}, in the form {@code data} stores it. */
    public static LabelledExample of(ImageDataset data, int index) {
        if (data.storesBytes()) {
            byte[] pixels = new byte[data.imageSize()];
            data.readBytes(index, pixels, 0);
            return new LabelledExample(pixels, null, data.label(index));
        }
        float[] pixels = new float[data.imageSize()];
        data.readImage(index, pixels, 0);
        return new LabelledExample(null, pixels, data.label(index));
    }

    public boolean storesBytes() {
        return bytes != null;
    }

    public int size() {
        return bytes != null ? bytes.length : floats.length;
    }

    /** The pixels, only when {@link #storesBytes()}; not copied. */
    byte[] bytes() {
        return bytes;
    }

    /** The pixels, only when not {@link #storesBytes()}; not copied. */
    float[] floats() {
        return floats;
    }

    public int label() {
        return label;
    }
}
