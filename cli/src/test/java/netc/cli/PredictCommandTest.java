package netc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import netc.runtime.cl.Device;
import netc.runtime.io.DataDescription;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.predict.ImageInput;
import netc.runtime.predict.Predictor;
import netc.samples.LeNetModel;
import netc.samples.LeNetReluModel;
import netc.train.XavierInit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netc predict} with LeNet: the printed classes and probabilities against LeNet's own forward pass
 * at batch 1 on each image (softmax in double here), and its one-sentence refusals.
 */
class PredictCommandTest {
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @TempDir
    static Path dir;
    private static Path named;
    private static Path unnamed;
    private static Path relu;
    /** A 28×28 grey image, a 20×36 colour one (converted to grey and resized) and a 56×56 grey one. */
    private static List<Path> images;

    /** One run's exit code and what it printed. */
    private record Outcome(int exitCode, String out, String err) {}

    private static Outcome netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netc.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void saveWeightsAndImages() throws Exception {
        named = dir.resolve("lenet-named.safetensors");
        unnamed = dir.resolve("lenet.safetensors");
        relu = dir.resolve("relu.safetensors");
        try (Device device = Device.open();
             CompiledModel lenet = LeNetModel.FACTORY.create(device, 1);
             CompiledModel other = LeNetReluModel.FACTORY.create(device, 1)) {
            XavierInit.apply(lenet.parameters(), 5);
            WeightFiles.save(named, lenet, DataDescription.of(FASHION));
            WeightFiles.save(unnamed, lenet);
            WeightFiles.save(relu, other);
        }
        Random random = new Random(6);
        images = List.of(write("square.png", noise(28, 28, BufferedImage.TYPE_BYTE_GRAY, random)),
                write("wide.png", noise(36, 20, BufferedImage.TYPE_INT_RGB, random)),
                write("large.png", noise(56, 56, BufferedImage.TYPE_BYTE_GRAY, random)));
    }

    @Test
    void printsEachImagesTopThreeBestFirstAsLeNetsOwnForwardPassRanksThem() throws Exception {
        Outcome outcome = netc("predict", "LeNet", "--checkpoint", named.toString(), images.get(0).toString(),
                images.get(1).toString(), images.get(2).toString(), "--batch-size", "2");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err());
        List<String> lines = outcome.out().lines().toList();
        assertEquals(images.size() * 4, lines.size(), outcome.out());
        for (int i = 0; i < images.size(); i++) {
            assertEquals(images.get(i).toString(), lines.get(4 * i));
            double[] p = referenceProbabilities(images.get(i));
            List<Integer> shown = new ArrayList<>();
            for (String line : lines.subList(4 * i + 1, 4 * i + 4)) {
                assertTrue(line.matches("  .+ \\d\\.\\d{4}"), line);
                int split = line.lastIndexOf(' ');
                int label = FASHION.indexOf(line.substring(2, split));
                assertTrue(label >= 0, line);
                // Printed to 4 places (5e-5), from float32 logits of another batch size (well below 1e-5).
                assertEquals(p[label], Double.parseDouble(line.substring(split + 1)), 6e-5, line);
                shown.add(label);
            }
            // Best first, and no class left out beats one shown; 1e-6 allows for float32 near-ties.
            for (int k = 1; k < 3; k++) {
                assertTrue(p[shown.get(k - 1)] >= p[shown.get(k)] - 1e-6, outcome.out());
            }
            for (int c = 0; c < 10; c++) {
                if (!shown.contains(c)) {
                    assertTrue(p[c] <= p[shown.get(2)] + 1e-6, "class " + c + " beats a shown one:\n" + outcome.out());
                }
            }
        }
    }

    @Test
    void topKShowsAllClassesAtMostAndUnnamedClassesAreNumbered() {
        Outcome outcome = netc("predict", "lenet", "--weights", unnamed.toString(), "--top", "20",
                images.get(0).toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> lines = outcome.out().lines().toList();
        assertEquals(11, lines.size(), outcome.out());
        double sum = 0;
        double previous = 1;
        for (String line : lines.subList(1, 11)) {
            assertTrue(line.matches("  class \\d \\d\\.\\d{4}"), line);
            double probability = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(probability <= previous, outcome.out());
            previous = probability;
            sum += probability;
        }
        assertEquals(1.0, sum, 10 * 0.00005 + 1e-9, "ten probabilities rounded to 4 places");
    }

    @Test
    void anUnreadableImageIsOneSentenceNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        Outcome outcome = netc("predict", "LeNet", "--checkpoint", named.toString(), images.get(0).toString(),
                text.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals("", outcome.out());
        assertEquals("netc: Cannot read image " + text + ": it is not in a format the JDK decodes (PNG, JPEG, GIF,"
                + " BMP or WBMP).", outcome.err().strip());
        Outcome missing = netc("predict", "LeNet", "--checkpoint", named.toString(), dir.resolve("gone.png").toString());
        assertEquals("netc: Cannot read image " + dir.resolve("gone.png") + ": no such file or directory.",
                missing.err().strip());
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRefusedNamingBoth() {
        Outcome outcome = netc("predict", "LeNet", "--checkpoint", relu.toString(), images.get(0).toString());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("netc: Weight file " + relu + " was saved from network LeNetRelu"),
                outcome.err());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    }

    @Test
    void aFileThatIsNoCheckpointIsRefused() throws Exception {
        Path image = images.get(0);
        Outcome notSafetensors = netc("predict", "LeNet", "--checkpoint", image.toString(), image.toString());
        assertEquals(1, notSafetensors.exitCode());
        assertTrue(notSafetensors.err().startsWith("netc: ") && notSafetensors.err().contains(image.toString()),
                notSafetensors.err());
        assertEquals(1, notSafetensors.err().strip().lines().count(), notSafetensors.err());
        Outcome absent = netc("predict", "LeNet", "--checkpoint", dir.resolve("none").toString(), image.toString());
        assertEquals(2, absent.exitCode());
        assertTrue(absent.err().startsWith("netc: No checkpoint at " + dir.resolve("none") + "."), absent.err());
        Outcome noImage = netc("predict", "LeNet", "--checkpoint", named.toString());
        assertEquals(2, noImage.exitCode());
        assertTrue(noImage.err().contains("IMAGE"), noImage.err());
    }

    @Test
    void chunksOfFourOnSevenImagesEqualLeNetsForwardOnEachAlone() throws Exception {
        List<float[]> inputs = new ArrayList<>();
        Random random = new Random(8);
        for (int i = 0; i < 7; i++) {
            inputs.add(ImageInput.convert(noise(28, 28, BufferedImage.TYPE_BYTE_GRAY, random), LeNetModel.INFO));
        }
        float[][] predicted;
        try (Predictor predictor = Predictor.load(LeNetModel.FACTORY, LeNetModel.INFO, named, null, 4)) {
            predicted = predictor.predict(inputs.toArray(new float[0][]));
        }
        for (int i = 0; i < 7; i++) {
            // Batch 4 and batch 1 may sum the convolutions' products in other orders: float32 rounding only.
            assertArrayEquals(toFloat(forwardAlone(inputs.get(i))), predicted[i], 1e-5f, "image " + i);
        }
    }

    /** LeNet's softmax at batch 1, in double, on the image as ImageInput converts it. */
    private static double[] referenceProbabilities(Path image) {
        return forwardAlone(ImageInput.convert(ImageInput.read(image), LeNetModel.INFO));
    }

    private static double[] forwardAlone(float[] input) {
        float[] logits;
        try (Device device = Device.open();
             CompiledModel model = LeNetModel.FACTORY.create(device, 1)) {
            WeightFiles.load(named, model);
            model.input().upload(input);
            model.forward(Mode.EVAL);
            logits = model.logits().download();
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static BufferedImage noise(int width, int height, int type, Random random) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static Path write(String name, BufferedImage image) throws Exception {
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        return file;
    }

    private static float[] toFloat(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
