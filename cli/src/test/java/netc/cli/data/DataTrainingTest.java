package netc.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netc.cli.Netc;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.RunFiles;
import netc.train.Trainer;
import netc.train.Optimizers;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-class network trained on data the tests write: a CSV file, an image folder and an IDX folder,
 * from Java and from the command line. The task (which quadrant is bright) is easy, so a few epochs of
 * a few dozen images must cut the loss clearly; each run takes about a second.
 */
class DataTrainingTest {
    private static final String NETWORK = QuadrantNet.class.getName();

    @TempDir
    Path root;

    /** What a command printed and returned. */
    record Outcome(int code, String out, String err) {}

    /** Runs the command line in this JVM. */
    static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static List<EpochMetrics> metrics(Path output) {
        return new MetricsCsv(RunFiles.in(output).metricsCsv()).read();
    }

    /** The loss of the last epoch at most {@code fraction} of the first's. */
    private static void assertLossFell(List<EpochMetrics> epochs, double fraction) {
        double first = epochs.get(0).loss();
        double last = epochs.get(epochs.size() - 1).loss();
        assertTrue(last < fraction * first, String.format(Locale.ROOT, "loss %.4f → %.4f", first, last));
    }

    @Test
    void aThreeOutputNetworkLearnsFromCsvFilesThroughTheJavaApi() throws IOException {
        ImageDataset train = ImageDatasets.csv(QuadrantData.csv(root.resolve("train.csv"), 96, 1, true));
        ImageDataset test = ImageDatasets.csv(QuadrantData.csv(root.resolve("test.csv"), 30, 2, false));
        assertEquals(List.of("0", "1", "2"), train.classNames());
        TrainingOptions options = TrainingOptions.builder().epochs(6).batchSize(16)
                .optimizer(Optimizers.sgd(0.1).momentum(0.9)).outputDirectory(root.resolve("run")).build();

        TrainingReport report = Trainer.fit(QuadrantNetModel.FACTORY, QuadrantNetModel.INFO, options, train, test,
                System.out);

        assertEquals(6, report.epochs().size());
        assertLossFell(report.epochs(), 0.5);
        assertTrue(report.epochs().get(5).testAccuracy() >= 0.9, report.epochs().toString());
    }

    @Test
    void anImageFolderTrainsFromTheCommandLineWithAHeldOutTestSet() throws IOException {
        // 16×16 colour PNGs, decoded straight to the network's 8×8
        Path photos = QuadrantData.imageFolder(root.resolve("photos"), 120, 16, 3, "left", "right", "under");
        Path output = root.resolve("run");

        Outcome outcome = netc("train", NETWORK, "--data", photos.toString(), "--test-split", "0.25", "--epochs", "6",
                "--batch-size", "16", "--lr", "0.1", "--momentum", "0.9", "--output-dir", output.toString());

        assertEquals(0, outcome.code(), outcome.err());
        List<EpochMetrics> epochs = metrics(output);
        assertEquals(6, epochs.size());
        assertLossFell(epochs, 0.5);
        assertTrue(epochs.get(5).testAccuracy() >= 0.9, epochs.toString());
    }

    @Test
    void anIdxFolderTrainsOnItsTrainingPairAndTestsOnItsT10kPair() throws IOException {
        Path folder = root.resolve("quadrants");
        QuadrantData.idxPair(folder, "train", 60, 4);
        QuadrantData.idxPair(folder, "t10k", 21, 5);
        Path output = root.resolve("run");

        Outcome outcome = netc("train", NETWORK, "--data", folder.toString(), "--epochs", "1", "--batch-size", "16",
                "--lr", "0.1", "--output-dir", output.toString());

        assertEquals(0, outcome.code(), outcome.err());
        assertEquals(1, metrics(output).size());
        assertTrue(outcome.out().startsWith("wrote "), outcome.out());
    }

    /**
     * Training with strong augmentation (noise of σ 0.5 changes many predictions), then {@code netc eval}
     * of its checkpoint on the same test file:
     * the accuracy eval measures (never augmented) is the one the trainer recorded, so the trainer's
     * test pass was not augmented either. And a run resumed after epoch 1 reaches the same bits.
     */
    @Test
    void augmentationIsTrainingOnlyAndReplaysExactlyOnResume() throws IOException {
        Path train = QuadrantData.csv(root.resolve("train.csv"), 90, 6, false);
        Path test = QuadrantData.csv(root.resolve("test.csv"), 30, 7, true);
        // A learning rate this low (plain SGD: the default momentum would multiply it by 10) leaves the network
        // undecided on many test images: there, noise would change predictions, so an augmented test pass could
        // not match eval's accuracy by luck.
        String[] common = {"train", NETWORK, "--data", train.toString(), "--test", test.toString(), "--batch-size",
            "16", "--lr", "0.003", "--momentum", "0", "--augment-crop", "1", "--augment-brightness", "0.3", "--augment-contrast", "0.3",
            "--augment-noise", "0.5", "--normalize", "0.3:0.3"};
        Path straight = root.resolve("straight");
        Path resumed = root.resolve("resumed");
        assertEquals(0, netc(with(common, "--epochs", "2", "--output-dir", straight.toString())).code());
        assertEquals(0, netc(with(common, "--epochs", "1", "--output-dir", resumed.toString())).code());
        assertEquals(0, netc(with(common, "--epochs", "2", "--output-dir", resumed.toString(), "--resume")).code());

        TensorFile expected = SafetensorsReader.read(RunFiles.in(straight).checkpoint());
        TensorFile actual = SafetensorsReader.read(RunFiles.in(resumed).checkpoint());
        for (Map.Entry<String, HostTensor> entry : expected.tensors().entrySet()) {
            assertArrayEquals(entry.getValue().floats(), actual.tensor(entry.getKey()).floats(),
                    entry.getKey() + " differs after resuming an augmented run");
        }

        Outcome eval = netc("eval", NETWORK, "--weights", RunFiles.in(straight).checkpoint().toString(), "--test",
                test.toString(), "--normalize", "0.3:0.3", "--batch-size", "16");
        assertEquals(0, eval.code(), eval.err());
        Matcher accuracy = Pattern.compile("test acc (\\d\\.\\d{4})").matcher(eval.out());
        assertTrue(accuracy.find(), eval.out());
        double recorded = metrics(straight).get(1).testAccuracy();
        assertTrue(recorded > 0.4 && recorded < 0.95, "the network is still undecided: " + recorded);
        assertEquals(String.format(Locale.ROOT, "%.4f", recorded), accuracy.group(1),
                "the trainer's test accuracy is eval's (un-augmented) one");
    }

    private static String[] with(String[] common, String... more) {
        String[] all = new String[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }
}
