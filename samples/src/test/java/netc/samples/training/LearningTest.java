package netc.samples.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.Trainer;
import netc.train.TrainingReport;
import netc.samples.LeNetReluModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One short real training run on Fashion-MNIST, checked for learning, for its metrics file and plot,
 * and for counting every example of a last, partial batch.
 *
 * <p>The network is d2l's LeNet with ReLU and max pooling ({@code LeNetRelu}): the sigmoid LeNet sits
 * on its loss plateau of ln 10 ≈ 2.30 for its first few hundred steps (as d2l's own curve shows, and
 * as 500 steps of batch 32 at lr 0.9 confirmed here), so it cannot show learning in a test of seconds.
 */
class LearningTest {
    /** Both limits are prime and not multiples of the batch: see {@link #everyExampleOfThePartialBatchIsCounted}. */
    private static final int TRAIN_LIMIT = 499;
    private static final int TEST_LIMIT = 307;
    private static final int BATCH = 16;
    private static final int EPOCHS = 3;
    /** Plain SGD at 0.1 learns from a few hundred examples; d2l's 0.9 is tuned for batch 256. */
    private static final double LEARNING_RATE = 0.1;

    @TempDir
    static Path runDirectory;
    private static TrainingReport report;

    @BeforeAll
    static void train() {
        report = Trainer.fit(LeNetReluModel.FACTORY, LeNetReluModel.INFO,
                QuickTraining.options(runDirectory, EPOCHS, BATCH, LEARNING_RATE, TRAIN_LIMIT, TEST_LIMIT), System.out);
    }

    @Test
    void theLossFallsAndTheNetworkBeatsChance() {
        List<EpochMetrics> epochs = report.epochs();
        assertEquals(EPOCHS, epochs.size());
        EpochMetrics first = epochs.get(0);
        EpochMetrics last = report.last();
        // Measured: 2.06 after epoch 1, 1.24 after epoch 3; a 10% fall leaves room for other seeds' noise.
        assertTrue(last.loss() < 0.9 * first.loss(), "loss " + first.loss() + " -> " + last.loss());
        // Chance is 0.1; its standard error on 307 test examples is sqrt(0.1 * 0.9 / 307) ≈ 0.017, so 0.3
        // is over ten standard errors above chance (measured: 0.52).
        assertTrue(last.testAccuracy() > 0.3, "test accuracy " + last.testAccuracy());
        // Same reasoning on 499 training examples (error ≈ 0.013): 0.2 is over seven errors above chance
        // (measured: 0.56).
        assertTrue(last.trainAccuracy() > 0.1 + 0.1, "train accuracy " + last.trainAccuracy());
    }

    @Test
    void theMetricsFileHasOneRowPerEpochWithTheReportedNumbers() throws IOException {
        List<String> lines = Files.readAllLines(report.metricsCsv(), StandardCharsets.UTF_8);
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        assertEquals(EPOCHS + 1, lines.size(), String.join("\n", lines));
        for (int i = 0; i < EPOCHS; i++) {
            EpochMetrics reported = report.epochs().get(i);
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(7, cells.length, lines.get(i + 1));
            assertEquals(i + 1, Integer.parseInt(cells[0]));
            // Each tolerance is half a unit of the column's last printed decimal.
            assertEquals(reported.loss(), Double.parseDouble(cells[1]), 5e-7);
            assertEquals(reported.trainAccuracy(), Double.parseDouble(cells[2]), 5e-7);
            assertEquals(reported.testAccuracy(), Double.parseDouble(cells[3]), 5e-7);
            assertEquals(reported.imagesPerSecond(), Double.parseDouble(cells[4]), 0.05);
            assertEquals(reported.seconds(), Double.parseDouble(cells[5]), 5e-4);
            // Six significant digits.
            assertEquals(reported.learningRate(), Double.parseDouble(cells[6]), 5e-6 * reported.learningRate());
        }
    }

    @Test
    void thePlotIsAPngImage() throws IOException {
        BufferedImage plot = ImageIO.read(report.plotPng().toFile());
        assertNotNull(plot, report.plotPng() + " is not an image ImageIO can decode");
        assertTrue(plot.getWidth() >= 320 && plot.getHeight() >= 200, plot.getWidth() + "×" + plot.getHeight());
    }

    /**
     * 499 = 31 × 16 + 3, so each epoch ends with a batch of 3. An accuracy is correct / counted; if it
     * equals m / 499 with 0 < m < 499, then 499 (a prime) divides the count, and since at most 32 × 16 =
     * 512 rows exist, the count is exactly 499: neither the 3 rows dropped nor the 13 padding rows
     * counted. The same holds for the 307 test examples (19 × 16 + 3).
     */
    @Test
    void everyExampleOfThePartialBatchIsCounted() {
        for (EpochMetrics epoch : report.epochs()) {
            assertCountedOver(TRAIN_LIMIT, epoch.trainAccuracy(), "epoch " + epoch.epoch() + " train accuracy");
            assertCountedOver(TEST_LIMIT, epoch.testAccuracy(), "epoch " + epoch.epoch() + " test accuracy");
        }
    }

    private static void assertCountedOver(int primeCount, double accuracy, String what) {
        double correct = accuracy * primeCount;
        long rounded = Math.round(correct);
        assertTrue(rounded > 0 && rounded < primeCount, what + " " + accuracy + " is 0 or 1, which proves nothing");
        // A double quotient of integers below 2^20 times the denominator is within 1e-9 of the integer.
        assertEquals(rounded, correct, 1e-9, what + " " + accuracy + " is not a whole number of " + primeCount + "ths");
    }
}
