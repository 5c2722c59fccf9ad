package netc.spark;

import java.util.List;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;

/** One partition's examples as the {@link ImageDataset} an executor's batch loader reads. */
final class PartitionData {
    private PartitionData() {}

    static ImageDataset of(ExampleShape shape, int partition, List<LabelledExample> examples) {
        String name = shape.name() + " (partition " + partition + ")";
        int[] labels = new int[examples.size()];
        for (int i = 0; i < labels.length; i++) {
            LabelledExample example = examples.get(i);
            if (example.storesBytes() != shape.storesBytes() || example.size() != shape.imageSize()) {
                throw new IllegalArgumentException(name + ": example " + i + " has " + example.size()
                        + (example.storesBytes() ? " bytes" : " floats") + " but the training set's images are "
                        + shape.channels() + "×" + shape.height() + "×" + shape.width() + " "
                        + (shape.storesBytes() ? "bytes" : "floats") + "; build every example alike.");
            }
            labels[i] = example.label();
        }
        if (shape.storesBytes()) {
            byte[][] images = new byte[examples.size()][];
            for (int i = 0; i < images.length; i++) {
                images[i] = examples.get(i).bytes();
            }
            return ImageDatasets.arrays(name, images, labels, shape.channels(), shape.height(), shape.width(),
                    shape.classNames());
        }
        float[][] images = new float[examples.size()][];
        for (int i = 0; i < images.length; i++) {
            images[i] = examples.get(i).floats();
        }
        return ImageDatasets.arrays(name, images, labels, shape.channels(), shape.height(), shape.width(),
                shape.classNames());
    }
}
