package netc.train;

import netc.data.ImageDataset;
import netc.data.NetworkInput;
import netc.data.Normalization;
import netc.runtime.model.NetworkInfo;

/**
 * Refuses, before any device work, a network that cannot train on a dataset: the images must be grey
 * or RGB, as must the network's input (the two convert to each other), a normalisation must name one or
 * the network's channels, and the last layer must give one score per class. (Height and width may
 * differ: the batch loader resizes, as d2l does for AlexNet.)
 */
public final class DataCompatibility {
    private DataCompatibility() {}

    /** The network's input as the batch loader fills it. */
    public static NetworkInput input(NetworkInfo network, Normalization normalization) {
        return new NetworkInput(network.channels(), network.height(), network.width(), normalization);
    }

    public static void check(NetworkInfo network, ImageDataset data) {
        check(network, data, Normalization.NONE);
    }

    public static void check(NetworkInfo network, ImageDataset data, Normalization normalization) {
        input(network, normalization).requireFeedableBy(data, network.name());
        if (network.outputs() != data.classes()) {
            throw new IllegalArgumentException(String.format(
                    "%s's last layer has %d outputs but %s has %d classes; make the last layer @Dense(out = %d).",
                    network.name(), network.outputs(), data.name(), data.classes(), data.classes()));
        }
    }
}
