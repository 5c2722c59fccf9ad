package netc.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * Per-channel normalisation of a network's input, {@code (x - mean[c]) / std[c]} on the [0, 1] values
 * after resizing, as torchvision's {@code Normalize} does; applied to training and test batches alike.
 * One mean and std may stand for every channel.
 */
public final class Normalization implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** No normalisation: the network sees values in [0, 1]. */
    public static final Normalization NONE = new Normalization(new float[0], new float[0]);

    private final float[] mean;
    private final float[] std;

    private Normalization(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** The same mean and std for every channel. */
    public static Normalization of(double mean, double std) {
        return perChannel(new double[] {mean}, new double[] {std});
    }

    /** One mean and std per channel of the network's input (or one pair for all). */
    public static Normalization perChannel(double[] mean, double[] std) {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("Normalisation needs as many means as stds, at least one of each; got "
                    + mean.length + " means and " + std.length + " stds.");
        }
        float[] means = new float[mean.length];
        float[] stds = new float[std.length];
        for (int c = 0; c < mean.length; c++) {
            means[c] = (float) mean[c];
            stds[c] = (float) std[c];
            if (!Float.isFinite(means[c])) {
                throw new IllegalArgumentException("Normalisation mean " + mean[c] + " is not a finite float32; give"
                        + " a number such as 0.5.");
            }
            if (!(stds[c] >= Float.MIN_NORMAL) || !Float.isFinite(stds[c])) {
                throw new IllegalArgumentException("Normalisation std " + std[c] + " must be a positive finite float32"
                        + " (it divides every value), such as 0.25.");
            }
        }
        return new Normalization(means, stds);
    }

    /**
     * Reads {@code MEAN:STD}, each a number or a comma-separated list with one per channel, e.g.
     * {@code 0.286:0.353} or {@code 0.485,0.456,0.406:0.229,0.224,0.225}.
     */
    public static Normalization parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Normalisation \"" + text + "\" is not MEAN:STD; write 0.5:0.25, say, or"
                    + " one value per channel as 0.485,0.456,0.406:0.229,0.224,0.225.");
        }
        return perChannel(numbers(text, parts[0]), numbers(text, parts[1]));
    }

    private static double[] numbers(String text, String list) {
        String[] items = list.split(",", -1);
        double[] values = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                values[i] = Double.parseDouble(items[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Normalisation \"" + text + "\" has \"" + items[i]
                        + "\" where a number belongs; write 0.5:0.25, say.", e);
            }
        }
        return values;
    }

    public boolean isNone() {
        return mean.length == 0;
    }

    /** How many channels it names: 0 for none, 1 when one pair stands for every channel. */
    public int channels() {
        return mean.length;
    }

    /** The mean for channel {@code c} of the network's input. */
    public float mean(int c) {
        return mean[mean.length == 1 ? 0 : c];
    }

    public float std(int c) {
        return std[std.length == 1 ? 0 : c];
    }

    /** Refuses one that names a number of channels other than 1 or the network's. */
    void requireFits(int networkChannels, String networkName) {
        if (channels() > 1 && channels() != networkChannels) {
            throw new IllegalArgumentException("The normalisation gives " + channels() + " means and stds but "
                    + networkName + " takes " + networkChannels + " input channels; give one pair for all channels"
                    + " or one per channel.");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Normalization that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    /** {@code MEAN:STD} as {@link #parse} reads it, or "none". */
    @Override
    public String toString() {
        if (isNone()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < mean.length; c++) {
            text.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", mean[c]));
        }
        text.append(':');
        for (int c = 0; c < std.length; c++) {
            text.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%s", std[c]));
        }
        return text.toString();
    }
}
