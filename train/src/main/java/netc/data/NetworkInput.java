package netc.data;

/**
 * What a network takes as input: its declared channels and size, and the normalisation its inputs get.
 * Any dataset of grey or RGB images feeds it: images are resized (bilinear) to {@code height × width},
 * a grey image feeds every channel of an RGB network, and an RGB image feeds a grey network as its
 * ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B, as PIL and torchvision convert to grey).
 */
public record NetworkInput(int channels, int height, int width, Normalization normalization)
        implements java.io.Serializable {
    public NetworkInput {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("the network's input must be at least 1×1, got " + height + "×" + width);
        }
        if (normalization == null) {
            normalization = Normalization.NONE;
        }
    }

    public NetworkInput(int channels, int height, int width) {
        this(channels, height, width, Normalization.NONE);
    }

    /**
     * Refuses, in one sentence naming both, a network input that {@code data} cannot feed: only 1 or 3
     * channels convert to each other, and the normalisation must name 1 or the network's channels.
     */
    public void requireFeedableBy(ImageDataset data, String networkName) {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException(networkName + " takes " + channels + " input channels but " + data.name()
                    + " has " + (data.channels() == 1 ? "grey (1-channel)" : "RGB (3-channel)") + " images, and only"
                    + " grey and RGB inputs are fed; declare @Network(channels = 1, ...) or (channels = 3, ...).");
        }
        if (data.channels() != 1 && data.channels() != 3) {
            throw new IllegalArgumentException(data.name() + " has images of " + data.channels() + " channels, but only"
                    + " grey (1-channel) and RGB (3-channel) images can feed " + networkName + "; convert the images.");
        }
        normalization.requireFits(channels, networkName);
    }
}
