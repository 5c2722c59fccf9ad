package netc.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the committed reference files in the repository's {@code fixtures/} folder. */
public final class Fixtures {
    public static final String LENET = "pytorch-lenet-b8.safetensors";
    public static final String LENET_RELU = "pytorch-lenet-relu-b8.safetensors";
    public static final String LENET_BN = "pytorch-lenet-bn-b2-s1.safetensors";
    public static final String DENSENET = "pytorch-densenet-b2-s1.safetensors";

    private Fixtures() {}

    public static Path file(String name) {
        return directory().resolve(name);
    }

    /** The folder the build names in the {@code netc.fixtures} property (set by the parent pom for Surefire). */
    public static Path directory() {
        String configured = System.getProperty("netc.fixtures");
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException("the test fixtures folder is not set or missing (netc.fixtures = "
                    + configured + "); run the tests through Maven from the repository, which sets it to fixtures/");
        }
        return Path.of(configured);
    }
}
