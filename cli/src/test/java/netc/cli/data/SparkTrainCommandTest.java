package netc.cli.data;

import static netc.cli.data.DataTrainingTest.netc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import netc.cli.data.DataTrainingTest.Outcome;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc train --spark}: the command line's way to data-parallel training, and its usage errors. */
class SparkTrainCommandTest {
    private static final String NETWORK = QuadrantNet.class.getName();

    @TempDir
    Path root;

    /** The quadrant task, on two embedded Spark workers averaging every second step: it must still be learnt. */
    @Test
    void aNetworkLearnsOnTwoSparkWorkers() throws IOException {
        Path train = QuadrantData.csv(root.resolve("train.csv"), 96, 1, true);
        Path test = QuadrantData.csv(root.resolve("test.csv"), 30, 2, true);
        Path output = root.resolve("run");
        Outcome outcome = netc("train", NETWORK, "--data", train.toString(), "--test", test.toString(), "--epochs", "8",
                "--batch-size", "16", "--lr", "0.1", "--momentum", "0.9", "--spark", "local[2]", "--sync-every", "2",
                "--output-dir", output.toString());

        assertEquals(0, outcome.code(), outcome.err());
        List<EpochMetrics> epochs = new MetricsCsv(RunFiles.in(output).metricsCsv()).read();
        assertEquals(8, epochs.size());
        assertTrue(epochs.get(7).loss() < 0.5 * epochs.get(0).loss(), epochs.toString());
        assertTrue(epochs.get(7).testAccuracy() >= 0.9, epochs.toString());
    }

    @Test
    void sparkOnlyOptionsWithoutSparkAreAUsageError() {
        Outcome outcome = netc("train", NETWORK, "--sync-every", "4");
        assertEquals(2, outcome.code());
        assertTrue(outcome.err().contains("--sync-every applies to training on Spark; add --spark local[N]"),
                outcome.err());
    }

    @Test
    void anUnknownMasterIsNamedWithTheFormsSparkAccepts() throws IOException {
        Path train = QuadrantData.csv(root.resolve("train.csv"), 16, 1, true);
        Outcome outcome = netc("train", NETWORK, "--data", train.toString(), "--test-split", "0.25", "--spark",
                "sparkk://host:7077", "--output-dir", root.resolve("run").toString());
        assertEquals(1, outcome.code());
        assertTrue(outcome.err().startsWith("netc: 'sparkk://host:7077' is not a Spark master URL; write one of local,"),
                outcome.err());
    }
}
