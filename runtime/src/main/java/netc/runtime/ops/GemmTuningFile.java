package netc.runtime.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import netc.runtime.cl.DeviceInfo;

/**
 * The register blocks {@code netc tune} measured best for one device, kept in
 * {@code ~/.cache/netc/tuning/<device key>.properties} so that every later run on that device builds
 * {@code gemm.cl} with them. Without a file a device gets {@link GemmTuning}'s built-in choice.
 */
public final class GemmTuningFile {
    static final String OUTER_ROWS = "outerRows";
    static final String OUTER_COLS = "outerCols";
    static final String DOT_ROWS = "dotRows";
    static final String DOT_COLS = "dotCols";
    static final String DOT_VECTOR_K = "dotVectorK";

    private GemmTuningFile() {}

    /**
     * Overrides the directory; the build sets it for tests, so that they run with the built-in tuning
     * whatever {@code netc tune} stored on the machine (memory estimates assume the built-in blocks).
     */
    public static final String DIRECTORY_PROPERTY = "netc.tuning.dir";

    /** Where the tuning of {@code device} is kept: {@code ~/.cache/netc/tuning/<device key>.properties}. */
    public static Path of(DeviceInfo device) {
        return directory().resolve(deviceKey(device) + ".properties");
    }

    private static Path directory() {
        String override = System.getProperty(DIRECTORY_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "netc", "tuning");
    }

    /**
     * The platform and device name in lower case, runs of anything but letters and digits as one dash
     * (e.g. {@code portable-computing-language-pthread-skylake-avx512-amd-epyc}): the same device gets the
     * same key on every run, and the key is a file name on every system.
     */
    static String deviceKey(DeviceInfo device) {
        String key = (device.platformName() + " " + device.name()).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return key.isEmpty() ? "device" : key;
    }

    /** The tuning stored at {@code file}, or {@code fallback} when there is no such file. */
    static GemmTuning read(Path file, GemmTuning fallback) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GEMM tuning " + file + " (" + e.getMessage()
                    + "); fix its permissions or delete it to use the built-in tuning.", e);
        }
        try {
            return new GemmTuning(positive(properties, OUTER_ROWS), powerOfTwo(properties, OUTER_COLS),
                    positive(properties, DOT_ROWS), positive(properties, DOT_COLS), powerOfTwo(properties, DOT_VECTOR_K));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The GEMM tuning " + file + " is not valid: " + e.getMessage()
                    + "; rerun 'netc tune' or delete the file to use the built-in tuning.", e);
        }
    }

    /** Stores {@code tuning} at {@code file} (creating its directory), {@code comment} as its header. */
    public static void write(Path file, GemmTuning tuning, String comment) {
        Properties properties = new Properties();
        properties.setProperty(OUTER_ROWS, Integer.toString(tuning.outerRows()));
        properties.setProperty(OUTER_COLS, Integer.toString(tuning.outerCols()));
        properties.setProperty(DOT_ROWS, Integer.toString(tuning.dotRows()));
        properties.setProperty(DOT_COLS, Integer.toString(tuning.dotCols()));
        properties.setProperty(DOT_VECTOR_K, Integer.toString(tuning.dotVectorK()));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, comment);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the GEMM tuning " + file + " (" + e.getMessage()
                    + "); pass another --output or make its directory writable.", e);
        }
    }

    private static int positive(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a whole number");
        }
        // Blocks live in registers, so beyond 16 they would spill; Gemm.deviceMemory counts 16 at most.
        if (number < 1 || number > 16) {
            throw new IllegalArgumentException(key + "=" + value + " is outside 1..16");
        }
        return number;
    }

    /** A vector width: OpenCL has float vectors of 1 (a scalar), 2, 4, 8 and 16 lanes. */
    private static int powerOfTwo(Properties properties, String key) {
        int number = positive(properties, key);
        if (number > 16 || Integer.bitCount(number) != 1) {
            throw new IllegalArgumentException(key + "=" + number + " is not a vector width (1, 2, 4, 8 or 16)");
        }
        return number;
    }
}
