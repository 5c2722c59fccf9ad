package netc.spark;

import java.io.Serializable;
import java.util.List;
import netc.data.ImageDataset;

/**
 * What every example of a training set shares, sent to the executors beside the examples: the set's
 * name, the images' shape and storage, and the class names the labels index.
 */
record ExampleShape(String name, int channels, int height, int width, boolean storesBytes, List<String> classNames)
        implements Serializable {
    ExampleShape {
        classNames = List.copyOf(classNames);
    }

    static ExampleShape of(ImageDataset data) {
        return new ExampleShape(data.name(), data.channels(), data.height(), data.width(), data.storesBytes(),
                data.classNames());
    }

    int imageSize() {
        return channels * height * width;
    }
}
