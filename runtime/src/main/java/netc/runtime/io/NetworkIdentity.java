package netc.runtime.io;

import netc.runtime.model.NetworkInfo;

/**
 * Refuses a netc weight file or checkpoint written by another network. netc records the network's
 * name and shape hash in every file it writes; names and shapes alone cannot tell networks apart
 * (LeNet with sigmoid and average pooling has exactly the parameter shapes of LeNet with ReLU and max
 * pooling), so without this check one network would load the other's weights and report nonsense. A
 * file without netc's metadata, such as a PyTorch state_dict, carries no hash and is matched by
 * names and shapes alone.
 */
final class NetworkIdentity {
    static final String NETWORK = "network";
    static final String SHAPE_HASH = "shape_hash";
    static final String FORMAT = "format";
    /** Enough hex digits to tell networks apart in a message, as git's short hashes do. */
    private static final int SHOWN_DIGITS = 12;

    private NetworkIdentity() {}

    /**
     * @param source the file as the message names it, e.g. "Weight file /runs/lenet/checkpoint.safetensors"
     * @param remedy what to do instead, e.g. "resume with the network that wrote it, or start without the checkpoint"
     */
    static void check(TensorFile contents, NetworkInfo model, String source, String remedy) {
        String savedHash = contents.metadata().get(SHAPE_HASH);
        if (savedHash == null) {
            if (Checkpoint.FORMAT.equals(contents.metadata().get(FORMAT))) {
                throw new WeightFileException(source + " is a netc checkpoint without the shape hash of the network"
                        + " that wrote it; the file is damaged, so start without it.");
            }
            return; // not written by netc: names and shapes are all there is to check
        }
        if (savedHash.equals(model.shapeHash())) {
            return;
        }
        String savedName = contents.metadata().getOrDefault(NETWORK, "(unnamed)");
        String changed = savedName.equals(model.name())
                ? "; " + model.name() + "'s layers have changed since the file was written" : "";
        throw new WeightFileException(source + " was saved from network " + MessageText.printable(savedName)
                + " (shape hash " + shown(savedHash) + ") but this model is " + model.name() + " (shape hash "
                + shown(model.shapeHash()) + ")" + changed + "; " + remedy + ".");
    }

    private static String shown(String hash) {
        String safe = MessageText.printable(hash);
        return safe.length() > SHOWN_DIGITS ? safe.substring(0, SHOWN_DIGITS) + "…" : safe;
    }
}
