package netc.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import netc.cli.Netc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data flags of {@code netc train} and {@code netc eval}: a usage mistake exits 2 with its message,
 * data that cannot train the network exits 1 with one sentence naming the file, and both happen before
 * any device opens (the device selector would fail first otherwise).
 */
class DataFlagsTest {
    private static final String NETWORK = QuadrantNet.class.getName();
    /** Were a device opened, this selector would fail with "No OpenCL device matches" before the data's error. */
    private static final String NO_SUCH_DEVICE = "no-such-device";

    @TempDir
    Path root;

    private record Outcome(int code, String out, String err) {
        /** The one message line, "netc: " removed. */
        String message() {
            return err.lines().findFirst().orElse("").replaceFirst("^netc: ", "");
        }
    }

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome train(String... more) {
        String[] args = new String[more.length + 6];
        args[0] = "train";
        args[1] = NETWORK;
        args[2] = "--device";
        args[3] = NO_SUCH_DEVICE;
        args[4] = "--output-dir";
        args[5] = root.resolve("run").toString();
        System.arraycopy(more, 0, args, 6, more.length);
        return netc(args);
    }

    private void assertRefused(Outcome outcome, int code, String message) {
        assertEquals(code, outcome.code(), outcome.err());
        assertEquals(message, outcome.message());
        if (code == 1) {
            assertEquals(1, outcome.err().lines().count(), "one line, no stack trace:\n" + outcome.err());
        }
        assertFalse(Files.exists(root.resolve("run")), "a refused run created its output directory");
    }

    @Test
    void aDatasetWithMoreClassesThanOutputsIsRefusedBeforeTheDevice() throws IOException {
        Path csv = Files.writeString(root.resolve("four.csv"), "0,1,2,3,4\n1,1,2,3,4\n2,1,2,3,4\n3,1,2,3,4\n");
        assertRefused(train("--data", csv.toString(), "--test-split", "0.25"), 1,
                "QuadrantNet's last layer has 3 outputs but four.csv has 4 classes; make the last layer @Dense(out = 4).");
    }

    @Test
    void aTestSetWithAClassTheTrainingDataLacksIsRefused() throws IOException {
        Path train = QuadrantData.imageFolder(root.resolve("train"), 6, 8, 1, "a", "b", "c");
        Path test = QuadrantData.imageFolder(root.resolve("test"), 6, 8, 2, "a", "b", "zebra");
        assertRefused(train("--data", train.toString(), "--test", test.toString()), 1,
                "test has the class \"zebra\", which the training data's classes [a, b, c] do not include; remove its"
                        + " images or train on data that has it.");
    }

    @Test
    void aCorruptImageIsRefusedNamingIt() throws IOException {
        Path train = QuadrantData.imageFolder(root.resolve("train"), 6, 8, 1, "a", "b", "c");
        Path broken = Files.writeString(train.resolve("b/broken.png"), "not a png");
        assertRefused(train("--data", train.toString(), "--test-split", "0.5"), 1,
                "Image " + broken + " is not in a format ImageIO reads (PNG, JPEG, BMP or GIF); it is corrupt or"
                        + " misnamed, so replace or remove it.");
    }

    @Test
    void aRaggedCsvRowIsRefusedNamingIt() throws IOException {
        Path csv = Files.writeString(root.resolve("ragged.csv"), "0,1,2,3,4\n1,1,2,3\n");
        assertRefused(train("--data", csv.toString(), "--test-split", "0.5"), 1,
                "CSV file " + csv + " row 2 has 4 cells where the first row has 5; every row needs the label and the"
                        + " same number of pixels.");
    }

    @Test
    void missingDataIsRefusedNamingThePath() {
        Path missing = root.resolve("nowhere");
        assertRefused(train("--data", missing.toString(), "--test-split", "0.1"), 1,
                "Data " + missing + " does not exist; pass an IDX folder, a .csv file or a folder of class sub-folders.");
    }

    @Test
    void dataWithoutATestSetNeedsTestOrTestSplit() throws IOException {
        Path csv = QuadrantData.csv(root.resolve("train.csv"), 9, 1, false);
        assertRefused(train("--data", csv.toString()), 2,
                csv + " holds no test set of its own; give one with --test PATH or hold out part of the training data"
                        + " with --test-split 0.1.");
        assertRefused(train("--data", csv.toString(), "--test", csv.toString(), "--test-split", "0.1"), 2,
                "--test gives a test set and --test-split holds one out of the training data; choose one.");
        assertRefused(train("--test", csv.toString()), 2, "--test needs --data: Fashion-MNIST brings its own test set.");
        assertRefused(train("--data", csv.toString(), "--test-split", "0.1", "--data-dir", root.toString()), 2,
                "--data-dir is where Fashion-MNIST is, and --data replaces it; give one of them.");
    }

    @Test
    void csvFlagsForOtherDataAndBadValuesAreUsageErrors() throws IOException {
        Path photos = QuadrantData.imageFolder(root.resolve("photos"), 6, 8, 1, "a", "b", "c");
        assertRefused(train("--data", photos.toString(), "--test-split", "0.5", "--label-column", "3"), 2,
                "--label-column and --image-shape describe CSV files, but the data is " + photos
                        + " (images); leave them out.");
        Path csv = QuadrantData.csv(root.resolve("train.csv"), 9, 1, false);
        assertRefused(train("--data", csv.toString(), "--test-split", "0.5", "--normalize", "0.5"), 2,
                "Normalisation \"0.5\" is not MEAN:STD; write 0.5:0.25, say, or one value per channel as"
                        + " 0.485,0.456,0.406:0.229,0.224,0.225.");
        assertRefused(train("--data", csv.toString(), "--test-split", "0.5", "--data-format", "tiff"), 2,
                "Data format \"tiff\" is none of idx, csv, images.");
        assertRefused(train("--data", csv.toString(), "--test-split", "0.5", "--augment-noise", "2"), 2,
                "Noise std must lie in [0, 1] (0: off), got 2.0.");
        assertRefused(train("--data", csv.toString(), "--test-split", "1.5"), 1,
                "Cannot hold out 1.5 of train.csv: the test fraction must lie strictly between 0 and 1, such as 0.1.");
    }

    @Test
    void aNormalisationForOtherChannelsIsRefused() throws IOException {
        Path csv = QuadrantData.csv(root.resolve("train.csv"), 9, 1, false);
        assertRefused(train("--data", csv.toString(), "--test-split", "0.5", "--normalize", "0.1,0.2:0.3,0.4"), 1,
                "The normalisation gives 2 means and stds but QuadrantNet takes 3 input channels; give one pair for all"
                        + " channels or one per channel.");
    }

    /** A file named .txt is CSV when --data-format says so; the CSV flags then apply (label last, 2×2 grey). */
    @Test
    void theFormatFlagOverridesTheFileName() throws IOException {
        Path text = Files.writeString(root.resolve("data.txt"), "a,b,c,d,label\n1,2,3,4,0\n1,2,3,4,1\n1,2,3,4,2\n");
        Outcome outcome = train("--data", text.toString(), "--data-format", "csv", "--label-column", "label",
                "--test-split", "0.34");
        // Read and checked: only opening the device fails.
        assertEquals(1, outcome.code(), outcome.err());
        assertTrue(outcome.message().contains(NO_SUCH_DEVICE), outcome.err());
    }

    @Test
    void evalTakesATestSetToo() throws IOException {
        Path weights = root.resolve("never-read.safetensors");
        Path csv = QuadrantData.csv(root.resolve("test.csv"), 9, 1, false);
        Outcome outcome = netc("eval", NETWORK, "--weights", weights.toString(), "--test", csv.toString(),
                "--data-dir", root.toString());
        assertEquals(2, outcome.code(), outcome.err());
        assertEquals("--data-dir is where Fashion-MNIST is, and --test replaces it; give one of them.", outcome.message());
    }
}
