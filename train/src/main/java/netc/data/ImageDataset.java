package netc.data;

import java.util.List;

/**
 * Labelled images as stored: compact (bytes) where the source allows; read one at a time. The
 * trainer converts them to a network's input (channels, size, normalisation) batch by batch, so a
 * dataset never has to hold its images as floats.
 *
 * <p>Made by {@link ImageDatasets} from IDX files, a CSV file, a folder of class sub-folders or
 * in-memory arrays; every image of one dataset has the same shape.
 */
public interface ImageDataset {
    /** Shown in messages and plot titles: "Fashion-MNIST", "flowers.csv". */
    String name();

    /** The number of images. */
    int size();

    /** 1 (grey) or 3 (RGB), as stored. */
    int channels();

    /** As stored, before resizing to a network's input. */
    int height();

    int width();

    /** Index = label: sub-folder names, CSV label values, Fashion-MNIST's names, or "0", "1", ... */
    List<String> classNames();

    /** The label of image {@code index}, in {@code [0, classNames().size())}. */
    int label(int index);

    /** Writes image {@code index} as {@code channels × height × width} floats in [0, 1], CHW order, from {@code offset}. */
    void readImage(int index, float[] target, int offset);

    /** The number of values in one image: channels × height × width. */
    default int imageSize() {
        return channels() * height() * width();
    }

    /** {@code classNames().size()}. */
    default int classes() {
        return classNames().size();
    }

    /**
     * Whether the images are stored as unsigned bytes; then {@link #readBytes} gives them and
     * {@link #readImage} is those bytes / 255. Such datasets go to the device as bytes (a quarter of
     * the float traffic) and are scaled there.
     */
    default boolean storesBytes() {
        return false;
    }

    /** Writes image {@code index} as {@link #imageSize()} unsigned bytes, CHW order; only when {@link #storesBytes()}. */
    default void readBytes(int index, byte[] target, int offset) {
        throw new UnsupportedOperationException(name() + " stores its images as floats, not bytes");
    }
}
