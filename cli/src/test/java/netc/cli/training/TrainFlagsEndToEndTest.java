package netc.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import netc.cli.Netc;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc train} with the optimizer, schedule and early-stopping flags, on a small network and data slice. */
class TrainFlagsEndToEndTest {
    @TempDir
    Path output;

    @Test
    void adamWithAStepScheduleTrainsAndRecordsEachEpochsRate() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), "train",
                "netc.samples.training.DropoutNet", "--optimizer", "adam", "--lr", "0.002", "--schedule", "step:1:0.5",
                "--early-stop", "5", "--epochs", "2", "--batch-size", "16", "--limit", "100", "--test-limit", "50",
                "--output-dir", output.toString());

        assertEquals(0, code, err.toString());
        RunFiles files = RunFiles.in(output);
        List<EpochMetrics> rows = new MetricsCsv(files.metricsCsv()).read();
        assertEquals(List.of(0.002, 0.001), rows.stream().map(EpochMetrics::learningRate).toList());
        TensorFile checkpoint = SafetensorsReader.read(files.checkpoint());
        assertEquals("adam", checkpoint.metadata("optimizer"));
        assertTrue(checkpoint.tensors().containsKey("fc1.weight.exp_avg_sq"), checkpoint.tensors().keySet().toString());
        assertTrue(out.toString().strip().startsWith("wrote " + files.metricsCsv() + ", " + files.plotPng() + ", "
                + files.checkpoint() + " and " + files.bestCheckpoint() + " (the best epoch, "), out.toString());
    }

    /** A one-epoch run leaves a plot (drawn as markers) beside its metrics and checkpoint. */
    @Test
    void aOneEpochRunWritesItsPlot() throws Exception {
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "train",
                "netc.samples.training.DropoutNet", "--epochs", "1", "--batch-size", "16", "--limit", "50",
                "--test-limit", "20", "--output-dir", output.toString());
        assertEquals(0, code, err.toString());
        assertTrue(javax.imageio.ImageIO.read(RunFiles.in(output).plotPng().toFile()).getWidth() > 0);
    }
}
