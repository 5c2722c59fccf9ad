package netc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.io.Checkpoint;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.SafetensorsWriter;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;
import netc.runtime.predict.Predictor;
import netc.samples.DenseNetModel;
import netc.samples.Fixtures;
import netc.samples.LeNetBNModel;
import netc.train.XavierInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * d2l's BatchNorm LeNet through a checkpoint: its running statistics are saved and restored, so a
 * prediction from the checkpoint equals the trained model's own evaluation; and its export takes the
 * names of the state_dict PyTorch wrote for the same network (running statistics and num_batches_tracked
 * included).
 */
class BatchNormPredictionTest {
    @TempDir
    static Path dir;
    private static Path checkpoint;
    /** The trained model's evaluation-mode logits for {@link #images}, batch 4 at once. */
    private static float[] expectedLogits;
    private static float[][] images;

    @BeforeAll
    static void trainStatisticsAndSave() {
        checkpoint = dir.resolve("lenet-bn.safetensors");
        Random random = new Random(3);
        images = new float[4][28 * 28];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
        }
        try (Device device = Device.open(); CompiledModel model = LeNetBNModel.FACTORY.create(device, 4)) {
            XavierInit.apply(model.parameters(), 4);
            // Training-mode passes move the running statistics away from PyTorch's start (mean 0, variance 1).
            float[] batch = new float[4 * 28 * 28];
            for (int step = 0; step < 5; step++) {
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = 0.5f * random.nextFloat() + 0.25f * step;
                }
                model.input().upload(batch);
                model.forward(Mode.TRAIN);
            }
            for (StateTensor buffer : model.buffers()) {
                float[] values = buffer.value().download();
                assertTrue(Math.abs(values[0] - buffer.initialValue()) > 1e-3, buffer + " moved: " + values[0]);
            }
            float[] flat = new float[4 * 28 * 28];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(images[i], 0, flat, i * 28 * 28, 28 * 28);
            }
            model.input().upload(flat);
            model.forward(Mode.EVAL);
            expectedLogits = model.logits().download();
            List<netc.runtime.cl.Tensor> velocities = new ArrayList<>();
            for (Parameter parameter : model.parameters()) {
                velocities.add(parameter.grad()); // any tensors of the parameters' shapes
            }
            Checkpoint.save(checkpoint, model, velocities, 1);
        }
    }

    @Test
    void aPredictionFromTheCheckpointUsesTheTrainedRunningStatistics() {
        float[][] predicted;
        try (Predictor predictor = Predictor.load(LeNetBNModel.FACTORY, LeNetBNModel.INFO, checkpoint, null, 3)) {
            predicted = predictor.predict(images);
        }
        for (int i = 0; i < images.length; i++) {
            // Batch 3 (the last chunk partial) against batch 4: float32 rounding of other summation orders only.
            assertArrayEquals(softmax(expectedLogits, i), predicted[i], 1e-5f, "image " + i);
        }
    }

    @Test
    void exportsUnderTheNamesOfD2lsBatchNormLeNetAndLoadsBack() {
        TensorFile fixture = SafetensorsReader.read(Fixtures.file(Fixtures.LENET_BN));
        Path template = dir.resolve("lenet-bn-template.safetensors");
        SafetensorsWriter stateDict = new SafetensorsWriter();
        fixture.tensors().forEach((name, tensor) -> {
            if (name.matches("\\d+\\.(weight|bias|running_mean|running_var|num_batches_tracked)")) {
                stateDict.add(name, tensor);
            }
        });
        stateDict.writeTo(template);
        Path exported = dir.resolve("lenet-bn-torch.safetensors");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), "export", "LeNetBN",
                "--checkpoint", checkpoint.toString(), "--names-from", template.toString(), "-o", exported.toString());
        assertEquals(0, code, err.toString());

        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.copyOf(SafetensorsReader.read(template).tensors().keySet()),
                List.copyOf(written.tensors().keySet()), "every name of the state_dict, the counters included");
        TensorFile saved = SafetensorsReader.read(checkpoint);
        assertArrayEquals(saved.tensor("bn3.running_var").floats(), written.tensor("10.running_var").floats(), 0f);
        assertArrayEquals(new long[] {5}, written.tensor("10.num_batches_tracked").longs(), "five training passes");
        assertArrayEquals(saved.tensor("fc1.weight").floats(), written.tensor("9.weight").floats(), 0f);
        try (Device device = Device.open(); CompiledModel reloaded = LeNetBNModel.FACTORY.create(device, 1)) {
            WeightFiles.load(exported, reloaded);
            for (StateTensor buffer : reloaded.buffers()) {
                assertArrayEquals(saved.tensor(buffer.name()).floats(), buffer.value().download(), 0f, buffer.name());
            }
        }
    }

    @Test
    void exportsDenseNetUnderTheNestedNamesOfD2lsModules() {
        // d2l's DenseNet nests Sequentials and named modules: 1.net.3.0.weight, 2.0.running_mean, ...
        TensorFile fixture = SafetensorsReader.read(Fixtures.file(Fixtures.DENSENET));
        Path template = dir.resolve("densenet-template.safetensors");
        SafetensorsWriter stateDict = new SafetensorsWriter();
        fixture.tensors().forEach((name, tensor) -> {
            if (name.matches("[\\w.]*\\.(weight|bias|running_mean|running_var|num_batches_tracked)")) {
                stateDict.add(name, tensor);
            }
        });
        stateDict.writeTo(template);
        Path weights = dir.resolve("densenet.safetensors");
        Path exported = dir.resolve("densenet-torch.safetensors");
        try (Device device = Device.open(); CompiledModel model = DenseNetModel.FACTORY.create(device, 1)) {
            XavierInit.apply(model.parameters(), 5);
            WeightFiles.save(weights, model);
        }
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "export", "DenseNet",
                "--checkpoint", weights.toString(), "--names-from", template.toString(), "-o", exported.toString());
        assertEquals(0, code, err.toString());
        TensorFile written = SafetensorsReader.read(exported);
        assertEquals(List.copyOf(SafetensorsReader.read(template).tensors().keySet()),
                List.copyOf(written.tensors().keySet()), "every name of the state_dict, the counters included");
        TensorFile saved = SafetensorsReader.read(weights);
        for (String name : written.tensors().keySet()) {
            String netcName = DenseNetModel.INFO.tensorForTorchName(name).orElseThrow().name();
            assertEquals(saved.tensor(netcName).bytes(), written.tensor(name).bytes(), name);
        }
    }

    private static float[] softmax(float[] logits, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 10; c++) {
            max = Math.max(max, logits[row * 10 + c]);
        }
        double sum = 0;
        double[] e = new double[10];
        for (int c = 0; c < 10; c++) {
            e[c] = Math.exp(logits[row * 10 + c] - max);
            sum += e[c];
        }
        float[] p = new float[10];
        for (int c = 0; c < 10; c++) {
            p[c] = (float) (e[c] / sum);
        }
        return p;
    }
}
