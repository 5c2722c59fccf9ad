package netc.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir
    Path directory;

    @Test
    void writesAHeaderAndOneRowPerEpochAndReadsThemBack() throws Exception {
        MetricsCsv csv = new MetricsCsv(directory.resolve("metrics.csv"));
        EpochMetrics first = new EpochMetrics(1, 2.302585, 0.1, 0.1, 12345.6, 10.25, 0.9);
        EpochMetrics second = new EpochMetrics(2, 0.469123, 0.823456, 0.779012, 23456.7, 9.5, 1.5e-5);
        csv.rewrite(List.of());
        csv.append(first);
        csv.append(second);

        List<String> lines = Files.readAllLines(csv.file());
        assertEquals(List.of("epoch,loss,train_acc,test_acc,images_per_sec,seconds,lr",
                "1,2.302585,0.100000,0.100000,12345.6,10.250,0.900000",
                "2,0.469123,0.823456,0.779012,23456.7,9.500,1.50000e-05"), lines);
        assertEquals(List.of(first, second), csv.read());
    }

    @Test
    void aResumedRunKeepsTheEpochsItWasGivenAndAppends() {
        MetricsCsv csv = new MetricsCsv(directory.resolve("metrics.csv"));
        EpochMetrics first = new EpochMetrics(1, 1.5, 0.4, 0.5, 100, 1, 0.1);
        EpochMetrics second = new EpochMetrics(2, 1.0, 0.6, 0.6, 100, 1, 0.1);
        csv.rewrite(List.of(first, second));
        csv.rewrite(csv.read().subList(0, 1));
        EpochMetrics again = new EpochMetrics(2, 0.9, 0.65, 0.62, 110, 1, 0.1);
        csv.append(again);
        assertEquals(List.of(first, again), csv.read());
    }

    /** A run from before the lr column resumes: its rows read with the rate unknown, and are rewritten so. */
    @Test
    void aFileWithoutTheLearningRateColumnReadsWithTheRateUnknown() throws Exception {
        MetricsCsv csv = new MetricsCsv(directory.resolve("metrics.csv"));
        Files.writeString(csv.file(), "epoch,loss,train_acc,test_acc,images_per_sec,seconds\n1,2.3,0.1,0.1,100.0,1.000\n");
        EpochMetrics old = csv.read().get(0);
        assertEquals(new EpochMetrics(1, 2.3, 0.1, 0.1, 100, 1, Double.NaN), old);
        csv.rewrite(List.of(old));
        assertEquals("1,2.300000,0.100000,0.100000,100.0,1.000,NaN", Files.readAllLines(csv.file()).get(1));
        assertEquals(List.of(old), csv.read());
    }

    @Test
    void aMissingFileHasNoRowsAndAGarbledOneIsNamed() throws Exception {
        MetricsCsv csv = new MetricsCsv(directory.resolve("metrics.csv"));
        assertEquals(List.of(), csv.read());
        Files.writeString(csv.file(), MetricsCsv.HEADER + "\n1,0.5,oops\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, csv::read);
        assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("metrics.csv"), e.getMessage());
    }
}
