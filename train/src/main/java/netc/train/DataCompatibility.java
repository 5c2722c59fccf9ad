package netc.train;

import netc.data.Dataset;
import netc.runtime.model.NetworkInfo;

/**
 * Refuses, before any device work, a network that cannot train on a dataset: grey images need one
 * input channel, and the last layer must give one score per class. (Height and width may differ: the
 * batch loader resizes, as d2l does for AlexNet.)
 */
public final class DataCompatibility {
    private DataCompatibility() {}

    public static void check(NetworkInfo network, Dataset data) {
        if (network.channels() != 1) {
            throw new IllegalArgumentException(String.format(
                    "%s takes %d input channels but %s has grey images (1 channel); declare @Network(channels = 1, ...).",
                    network.name(), network.channels(), data.name()));
        }
        if (network.outputs() != data.classes()) {
            throw new IllegalArgumentException(String.format(
                    "%s's last layer has %d outputs but %s has %d classes; make the last layer @Dense(out = %d).",
                    network.name(), network.outputs(), data.name(), data.classes(), data.classes()));
        }
    }
}
