package netc.data;

import java.util.Objects;

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
