package netc.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.train.EpochMetrics;
import netc.train.MetricsCsv;
import netc.train.RunFiles;
import netc.cli.Netc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netc train LeNet} from argument parsing to the files on disk, on a tiny slice of Fashion-MNIST. */
class TrainCommandEndToEndTest {
    @TempDir
    Path output;

    @Test
    void trainWritesMetricsPlotAndCheckpointAndExitsZero() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), "train", "LeNet",
                "--epochs", "2", "--batch-size", "32", "--limit", "100", "--test-limit", "50",
                "--output-dir", output.toString());

        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
        RunFiles files = RunFiles.in(output);
        assertEquals("wrote " + files.metricsCsv() + ", " + files.plotPng() + " and " + files.checkpoint(),
                out.toString().strip());

        List<EpochMetrics> rows = new MetricsCsv(files.metricsCsv()).read();
        assertEquals(List.of(1, 2), rows.stream().map(EpochMetrics::epoch).toList());
        assertNotNull(ImageIO.read(files.plotPng().toFile()), "training.png does not decode");
        TensorFile checkpoint = SafetensorsReader.read(files.checkpoint());
        assertEquals("LeNet", checkpoint.metadata("network"));
        assertEquals("2", checkpoint.metadata("epochs_done"));
        // The training data's class names, for predictions to name what they see.
        assertEquals(new com.google.gson.Gson().toJson(netc.data.FashionMnist.CLASS_NAMES),
                checkpoint.metadata("class_names"));
        // LeNet's 5 layers with weights, a weight and a bias each, and a velocity for each of those 10
        assertEquals(20, checkpoint.tensors().size(), checkpoint.tensors().keySet().toString());
        assertTrue(checkpoint.tensor("fc3.weight").elements() == 84 * 10);
    }
}
