package netc.runtime.data;

import java.nio.file.Path;

/**
 * PLACEHOLDER from the trainer-cli branch so that {@code Trainer} compiles: the data helper's real
 * class (reading the IDX files) replaces this file whole when the branches are merged.
 */
public final class FashionMnist {
    private FashionMnist() {}

    /** The 60,000 training examples in {@code directory}. */
    public static Dataset train(Path directory) {
        throw new UnsupportedOperationException("FashionMnist: pending (placeholder, data helper)");
    }

    /** The 10,000 test examples in {@code directory}. */
    public static Dataset test(Path directory) {
        throw new UnsupportedOperationException("FashionMnist: pending (placeholder, data helper)");
    }
}
