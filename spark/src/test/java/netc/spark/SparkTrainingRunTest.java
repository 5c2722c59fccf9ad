package netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import netc.data.ImageDataset;
import netc.data.TrainingData;
import netc.samples.LeNetModel;
import netc.train.Optimizers;
import netc.train.TrainingDivergedException;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A whole run on Spark: the driver writes metrics and checkpoints, resumes from them, and guards the loss. */
@ExtendWith(LocalSpark.class)
class SparkTrainingRunTest {



    @Test
    void theDriverWritesMetricsAndCheckpointsAndResumesFromThem(@TempDir Path output) throws Exception {
        ImageDataset train = SparkFixture.randomImages(64, 1);
        ImageDataset test = SparkFixture.randomImages(16, 2);
        TrainingOptions twoEpochs = TrainingOptions.builder().epochs(2).batchSize(16)
                .optimizer(Optimizers.sgd(0.1).momentum(0.9)).outputDirectory(output).build();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TrainingReport report = SparkTraining.fit(spark(), LeNetModel.class, LeNetModel.INFO, twoEpochs,
                TrainingData.of(train, test), new SparkOptions("local[2]", 2, 1), new PrintStream(printed, true,
                        StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("2 workers of batch 8, averaging every 1 step"), text);
        assertEquals(2, report.epochs().size());
        assertEquals(3, Files.readAllLines(report.metricsCsv()).size(), "header and two epochs");
        assertTrue(Files.size(report.checkpoint()) > 61_706 * 4, "the checkpoint holds LeNet's weights");

        TrainingOptions resumed = twoEpochs.toBuilder().epochs(3).resume(true).build();
        TrainingReport third = SparkTraining.fit(spark(), LeNetModel.class, LeNetModel.INFO, resumed,
                TrainingData.of(train, test), new SparkOptions("local[2]", 2, 1), System.out);
        assertEquals(3, third.epochs().size());
        // metrics.csv rounds to 6 digits
        assertEquals(report.epochs().get(1).loss(), third.epochs().get(1).loss(), 1e-6, "earlier epochs kept");

        // Resuming from the checkpoint trains the third epoch as an uninterrupted run does: the workers' shuffles
        // and dropout masks depend on (seed, epoch) only, and the state came back whole (velocity included).
        TrainingOptions straight = twoEpochs.toBuilder().epochs(3).outputDirectory(output.resolve("straight")).build();
        TrainingReport uninterrupted = SparkTraining.fit(spark(), LeNetModel.class, LeNetModel.INFO, straight,
                TrainingData.of(train, test), new SparkOptions("local[2]", 2, 1), System.out);
        assertEquals(uninterrupted.last().loss(), third.last().loss(), 1e-6);
        assertEquals(uninterrupted.last().testAccuracy(), third.last().testAccuracy());
    }

    @Test
    void theLossGuardStopsADivergingRun(@TempDir Path output) {
        ImageDataset train = SparkFixture.randomImages(64, 3);
        TrainingOptions wild = TrainingOptions.builder().epochs(3).batchSize(16).optimizer(Optimizers.sgd(1e6))
                .outputDirectory(output).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> SparkTraining.fit(spark(),
                LeNetModel.class, LeNetModel.INFO, wild, TrainingData.of(train, train),
                new SparkOptions("local[2]", 2, 1), System.out));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }

    private static JavaSparkContext spark() {
        return LocalSpark.spark();
    }
}
