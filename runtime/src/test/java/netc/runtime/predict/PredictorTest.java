package netc.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import netc.runtime.io.Checkpoint;
import netc.runtime.io.DataDescription;
import netc.runtime.io.WeightFileException;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.reference.DenseReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Predictions of {@link DropoutLinearModel} (dropout 0.5, then a dense layer) against a plain-Java
 * reference: the dense layer in double without the dropout (evaluation mode) and the softmax in double.
 * Tolerance 1e-5 on probabilities: each logit is a 6-term float32 dot product of values below about 3,
 * within about 6·3·2⁻²⁴ ≈ 1e-6 of the double one; a probability moves by at most twice the largest
 * logit error, and its float32 rounding adds 6e-8.
 */
class PredictorTest {
    private static final int C = DropoutLinearModel.CLASSES;
    private static final int F = DropoutLinearModel.FEATURES;
    private static final double TOLERANCE = 1e-5;
    @TestDevice private static Device device;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1} images at batch {0}")
    @CsvSource({"1, 1", "1, 3", "4, 7", "4, 4", "4, 8", "8, 3"})
    void probabilitiesAreTheSoftmaxOfTheLogitsForAnyNumberOfImagesAndAnyBatch(int batch, int count) {
        try (DropoutLinearModel model = new DropoutLinearModel(device, batch)) {
            List<float[]> weights = randomize(model, 11);
            float[][] images = images(count, 12);
            float[][] predicted = Predictor.of(model, List.of()).predict(images);
            assertEquals(count, predicted.length);
            for (int i = 0; i < count; i++) {
                assertArrayEquals(reference(weights, images[i]), toDouble(predicted[i]), TOLERANCE, "image " + i);
            }
        }
    }

    @Test
    void chunksOfFourGiveWhatTheModelsOwnForwardGivesOnAllSevenAtOnce() {
        float[][] images = images(7, 21);
        float[] whole;
        List<float[]> weights;
        try (DropoutLinearModel seven = new DropoutLinearModel(device, 7)) {
            weights = randomize(seven, 20);
            float[] flat = new float[7 * F];
            for (int i = 0; i < 7; i++) {
                System.arraycopy(images[i], 0, flat, i * F, F);
            }
            seven.input().upload(flat);
            seven.forward(Mode.EVAL);
            whole = seven.logits().download();
        }
        try (DropoutLinearModel four = new DropoutLinearModel(device, 4)) {
            upload(four, weights);
            float[][] predicted = Predictor.of(four, List.of()).predict(images);
            for (int i = 0; i < 7; i++) {
                // Same float32 logits up to the GEMM's summation order, which may differ with the batch.
                assertArrayEquals(toDouble(Softmax.of(whole, i * C, C)), toDouble(predicted[i]), TOLERANCE, "image " + i);
            }
        }
    }

    @Test
    void anImagesResultDoesNotDependOnItsNeighboursOrTheZeroPadding() {
        float[][] images = images(5, 31);
        try (DropoutLinearModel model = new DropoutLinearModel(device, 4)) {
            randomize(model, 30);
            Predictor predictor = Predictor.of(model, List.of());
            float[][] together = predictor.predict(images);
            for (int i = 0; i < images.length; i++) {
                assertArrayEquals(together[i], predictor.predict(images[i])[0], 0f, "image " + i);
            }
        }
    }

    @Test
    void everyRowSumsToOne() {
        try (DropoutLinearModel model = new DropoutLinearModel(device, 3)) {
            randomize(model, 40);
            for (float[] row : Predictor.of(model, List.of()).predict(images(5, 41))) {
                double sum = 0;
                for (float p : row) {
                    assertTrue(p > 0f && p < 1f, "probability " + p);
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-6);
            }
        }
    }

    @Test
    void noImagesGiveNoRows() {
        try (DropoutLinearModel model = new DropoutLinearModel(device, 2)) {
            assertEquals(0, Predictor.of(model, List.of()).predict(new float[0][]).length);
        }
    }

    @Test
    void loadsACheckpointWithItsClassNamesAndPredictsWithItsWeights() {
        Path file = dir.resolve("checkpoint.safetensors");
        List<float[]> weights;
        List<String> names = List.of("cat", "dog", "T-shirt/top", "Ankle boot");
        try (DropoutLinearModel trained = new DropoutLinearModel(device, 2);
             Tensor v0 = new Tensor(device, C, F);
             Tensor v1 = new Tensor(device, C)) {
            weights = randomize(trained, 50);
            Checkpoint.save(file, trained, List.of(v0, v1), 3, DataDescription.of(names));
        }
        float[][] images = images(3, 51);
        try (Predictor predictor = Predictor.load(DropoutLinearModel.FACTORY, DropoutLinearModel.INFO, file, null, 2)) {
            assertEquals(names, predictor.classNames());
            assertEquals(2, predictor.batchSize());
            float[][] predicted = predictor.predict(images);
            for (int i = 0; i < images.length; i++) {
                assertArrayEquals(reference(weights, images[i]), toDouble(predicted[i]), TOLERANCE, "image " + i);
                Prediction best = predictor.top(predicted[i], 1).get(0);
                assertEquals(names.get(best.label()), best.className());
                assertEquals(argmax(predicted[i]), best.label());
            }
        }
    }

    @Test
    void theCheckpointsNormalisationIsAppliedAsTrainingAppliedIt() {
        Path file = dir.resolve("normalised.safetensors");
        float mean = 0.25f;
        float std = 0.5f;
        List<float[]> weights;
        try (DropoutLinearModel trained = new DropoutLinearModel(device, 1)) {
            weights = randomize(trained, 55);
            WeightFiles.save(file, trained, DataDescription.NONE.withNormalization(new float[] {mean}, new float[] {std}));
        }
        float[][] images = images(3, 56);
        try (Predictor predictor = Predictor.load(DropoutLinearModel.FACTORY, DropoutLinearModel.INFO, file, null, 2)) {
            float[][] predicted = predictor.predict(images);
            for (int i = 0; i < images.length; i++) {
                float[] normalised = new float[F];
                for (int j = 0; j < F; j++) {
                    normalised[j] = (images[i][j] - mean) / std;
                }
                assertArrayEquals(reference(weights, normalised), toDouble(predicted[i]), TOLERANCE, "image " + i);
            }
            // The caller's arrays are left as they were.
            assertArrayEquals(images(3, 56)[0], images[0], 0f);
        }
    }

    @Test
    void aWeightFileWithoutClassNamesNumbersTheClasses() {
        Path file = dir.resolve("weights.safetensors");
        try (DropoutLinearModel trained = new DropoutLinearModel(device, 1)) {
            randomize(trained, 60);
            WeightFiles.save(file, trained);
        }
        try (Predictor predictor = Predictor.load(DropoutLinearModel.FACTORY, DropoutLinearModel.INFO, file)) {
            assertEquals(List.of("class 0", "class 1", "class 2", "class 3"), predictor.classNames());
            assertEquals(Predictor.DEFAULT_BATCH_SIZE, predictor.batchSize());
        }
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingBoth() {
        Path file = dir.resolve("other.safetensors");
        NetworkInfo other = new NetworkInfo("OtherNet", "test.OtherNet", 1, 2, 3, C, DropoutLinearModel.INFO.layers(),
                "other-hash", "");
        try (DropoutLinearModel trained = new DropoutLinearModel(device, 1, other)) {
            WeightFiles.save(file, trained);
        }
        WeightFileException e = assertThrows(WeightFileException.class,
                () -> Predictor.load(DropoutLinearModel.FACTORY, DropoutLinearModel.INFO, file));
        assertTrue(e.getMessage().contains("was saved from network OtherNet"), e.getMessage());
        assertTrue(e.getMessage().contains("this model is DropoutLinear"), e.getMessage());
    }

    @Test
    void topKIsBestFirstWithTiesInLabelOrder() {
        List<Prediction> top = TopClasses.of(new float[] {0.1f, 0.4f, 0.1f, 0.4f}, List.of("a", "b", "c", "d"), 3);
        assertEquals(List.of(new Prediction(1, "b", 0.4f), new Prediction(3, "d", 0.4f), new Prediction(0, "a", 0.1f)),
                top);
        assertEquals(4, TopClasses.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, List.of("a", "b", "c", "d"), 10).size());
        assertEquals(List.of(3, 2, 1, 0), TopClasses.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f},
                List.of("a", "b", "c", "d"), 4).stream().map(Prediction::label).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopClasses.of(new float[] {1f}, List.of("a"), 0));
        assertEquals("top-k needs k of at least 1, got 0.", e.getMessage());
    }

    @Test
    void imagesOfTheWrongSizeOrOutsideZeroToOneAreRefusedSayingWhy() {
        try (DropoutLinearModel model = new DropoutLinearModel(device, 2)) {
            Predictor predictor = Predictor.of(model, List.of());
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                    () -> predictor.predict(new float[F], new float[F + 1]));
            assertEquals("image 1 has 7 values but DropoutLinear takes 1×2×3 = 6 (channels × height × width, CHW);"
                    + " resize it, or pass a BufferedImage or an image file, which are converted for you.", size.getMessage());
            float[] bytes = new float[F];
            bytes[4] = 255f;
            IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> predictor.predict(bytes));
            assertEquals("image 0 has 255.0 at index 4 but DropoutLinear takes pixels in [0, 1], as it was trained on;"
                    + " divide 8-bit pixels by 255.", range.getMessage());
            float[] nan = new float[F];
            nan[0] = Float.NaN;
            assertThrows(IllegalArgumentException.class, () -> predictor.predict(nan));
        }
    }

    @Test
    void classNamesThatDoNotFitTheNetworkAreRefused() {
        try (DropoutLinearModel model = new DropoutLinearModel(device, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Predictor.of(model, List.of("a", "b")));
            assertTrue(e.getMessage().startsWith("DropoutLinear has 4 outputs but 2 class names were given [a, b];"),
                    e.getMessage());
        }
    }

    @Test
    void closingAPredictorOverACallersModelLeavesTheModelOpen() {
        try (DropoutLinearModel model = new DropoutLinearModel(device, 1)) {
            randomize(model, 70);
            float[] image = images(1, 71)[0];
            float[] before;
            try (Predictor predictor = Predictor.of(model, List.of())) {
                before = predictor.predict(image)[0];
            }
            assertArrayEquals(before, Predictor.of(model, List.of()).predict(image)[0], 0f);
        }
    }

    /** Gaussian weights and biases; returns them in {@link DropoutLinearModel#parameters()} order. */
    private static List<float[]> randomize(DropoutLinearModel model, long seed) {
        Random random = new Random(seed);
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            float[] v = new float[Math.toIntExact(parameter.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            values.add(v);
        }
        upload(model, values);
        return values;
    }

    private static void upload(DropoutLinearModel model, List<float[]> values) {
        for (int i = 0; i < values.size(); i++) {
            model.parameters().get(i).value().upload(values.get(i));
        }
    }

    private static float[][] images(int count, long seed) {
        Random random = new Random(seed);
        float[][] images = new float[count][F];
        for (float[] image : images) {
            for (int i = 0; i < F; i++) {
                image[i] = random.nextFloat();
            }
        }
        return images;
    }

    /** softmax(weight · image + bias) in double: the evaluation-mode forward pass (dropout is the identity). */
    private static double[] reference(List<float[]> weights, float[] image) {
        double[] logits = new double[C];
        DenseReference.forward(logits, toDouble(image), toDouble(weights.get(0)), toDouble(weights.get(1)), 1, F, C,
                Activation.NONE);
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] p = new double[C];
        for (int i = 0; i < C; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < C; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
