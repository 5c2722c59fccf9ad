package netc.cli;

import netc.data.Augmentation;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code netc train}'s augmentation flags: each change off unless given; training images only. */
final class AugmentationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--augment-crop", paramLabel = "PIXELS",
            description = "Random crops from each training image padded with PIXELS zeros per side.")
    Integer cropPadding;

    @Option(names = "--augment-flip", description = "Mirror half the training images left to right.")
    boolean flip;

    @Option(names = "--augment-brightness", paramLabel = "J",
            description = "Multiply each training image by a factor from [1-J, 1+J], J in [0, 1].")
    Double brightness;

    @Option(names = "--augment-contrast", paramLabel = "J",
            description = "Scale each training image's contrast by a factor from [1-J, 1+J], J in [0, 1].")
    Double contrast;

    @Option(names = "--augment-noise", paramLabel = "STD",
            description = "Add Gaussian noise of standard deviation STD (values in [0, 1]) to training images.")
    Double noise;

    Augmentation augmentation() {
        try {
            Augmentation.Builder builder = Augmentation.builder();
            if (cropPadding != null) {
                builder.randomCrop(cropPadding);
            }
            if (flip) {
                builder.horizontalFlip();
            }
            if (brightness != null) {
                builder.brightness(brightness);
            }
            if (contrast != null) {
                builder.contrast(contrast);
            }
            if (noise != null) {
                builder.noise(noise);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
