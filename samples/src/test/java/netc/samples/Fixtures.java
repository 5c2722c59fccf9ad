package netc.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the PyTorch reference files in {@code shared/fixtures/}, beside the checkout. */
public final class Fixtures {
    public static final String LENET = "pytorch-lenet-b8.safetensors";
    public static final String LENET_RELU = "pytorch-lenet-relu-b8.safetensors";

    private Fixtures() {}

    public static Path file(String name) {
        return directory().resolve(name);
    }

    /** shared/ lies beside the checkout (a developer's tree, and CI's clone). */
    public static Path directory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/fixtures not found above " + here
                + "; the PyTorch fixtures live in the shared/ folder beside the checkout.");
    }
}
