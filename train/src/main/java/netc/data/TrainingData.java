package netc.data;

import java.util.Objects;
import netc.runtime.io.DataDescription;

/**
 * What a network trains on: the training and test sets, the normalisation both get on their way to the
 * network, and the augmentation only training images get.
 */
public record TrainingData(ImageDataset train, ImageDataset test, Normalization normalization,
                           Augmentation augmentation) {
    public TrainingData {
        Objects.requireNonNull(train, "a training set is required");
        Objects.requireNonNull(test, "a test set is required (ImageDatasets.holdOut makes one from the training set)");
        normalization = normalization == null ? Normalization.NONE : normalization;
        augmentation = augmentation == null ? Augmentation.NONE : augmentation;
    }

    /**
     * What a prediction from the trained network needs to know of this data, for its checkpoint: the
     * training set's class names and the normalisation (augmentation is for training only).
     */
    public DataDescription description() {
        DataDescription names = DataDescription.of(train.classNames());
        if (normalization.isNone()) {
            return names;
        }
        float[] mean = new float[normalization.channels()];
        float[] std = new float[normalization.channels()];
        for (int c = 0; c < mean.length; c++) {
            mean[c] = normalization.mean(c);
            std[c] = normalization.std(c);
        }
        return names.withNormalization(mean, std);
    }

    /** Both sets as they are: values in [0, 1], no augmentation. */
    public static TrainingData of(ImageDataset train, ImageDataset test) {
        return new TrainingData(train, test, Normalization.NONE, Augmentation.NONE);
    }

    /** A training set and {@code fraction} of it held out (from {@code seed}) to test on. */
    public static TrainingData holdingOut(ImageDataset data, double fraction, long seed) {
        ImageDatasets.Split split = ImageDatasets.holdOut(data, fraction, seed);
        return of(split.train(), split.test());
    }

    public TrainingData withNormalization(Normalization normalization) {
        return new TrainingData(train, test, normalization, augmentation);
    }

    public TrainingData withAugmentation(Augmentation augmentation) {
        return new TrainingData(train, test, normalization, augmentation);
    }
}
