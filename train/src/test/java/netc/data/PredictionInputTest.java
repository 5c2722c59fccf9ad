package netc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.io.DataDescription;
import netc.runtime.predict.ImageInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A picture predicts as it trained: {@link ImageInput} (the host conversion a prediction uses) gives the
 * network the values the training pipeline gives it for the same file (an image folder read by
 * {@link ImageDatasets#imageFolder}, converted, resized and normalised by {@link BatchLoader} on the device).
 * Tolerance 1e-6: both take the same float32 steps, but the device may fuse a multiply and an add.
 */
class PredictionInputTest {
    private static Device device;

    @TempDir
    static Path folder;
    /** One picture per class folder, in the dataset's order: a/ grey 20×20, b/ colour 20×20. */
    private static List<Path> pictures;

    @BeforeAll
    static void writeAFolder() throws Exception {
        device = Device.open();
        Random random = new Random(12);
        BufferedImage grey = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage colour = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                grey.getRaster().setSample(x, y, 0, random.nextInt(256));
                colour.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Path a = Files.createDirectories(folder.resolve("a")).resolve("grey.png");
        Path b = Files.createDirectories(folder.resolve("b")).resolve("colour.png");
        ImageIO.write(grey, "png", a.toFile());
        ImageIO.write(colour, "png", b.toFile());
        pictures = List.of(a, b);
    }

    @AfterAll
    static void close() {
        device.close();
    }

    @ParameterizedTest(name = "{0}×{1}×{2}, normalised: {3}")
    @CsvSource({"1, 20, 20, false", "3, 20, 20, false", "1, 16, 12, false", "3, 28, 28, false", "3, 7, 9, true",
            "1, 24, 24, true"})
    void theDatasetPipelineAndThePredictionSeeTheSameInput(int channels, int height, int width, boolean normalised) {
        Normalization normalization = normalised
                ? Normalization.perChannel(channels == 3 ? new double[] {0.4, 0.5, 0.6} : new double[] {0.3},
                        channels == 3 ? new double[] {0.2, 0.25, 0.3} : new double[] {0.35})
                : Normalization.NONE;
        ImageDataset data = ImageDatasets.imageFolder(folder);
        int plane = height * width;
        float[] trained;
        try (BatchLoader loader = new BatchLoader(device, data, 2, new NetworkInput(channels, height, width,
                normalization), false, 0L, Augmentation.NONE);
             Tensor input = new Tensor(device, 2, channels, height, width);
             Buffer labels = Buffer.allocate(device, 2)) {
            loader.startEpoch(0);
            assertEquals(2, loader.next(input, labels));
            trained = input.download();
        }
        DataDescription description = new TrainingData(data, data, normalization, Augmentation.NONE).description();
        for (int n = 0; n < 2; n++) {
            float[] predicted = ImageInput.convert(ImageInput.read(pictures.get(n)), channels, height, width);
            description.normalize(predicted, channels, plane);
            for (int i = 0; i < predicted.length; i++) {
                assertEquals(trained[n * predicted.length + i], predicted[i], 1e-6,
                        pictures.get(n).getFileName() + ", value " + i);
            }
        }
    }
}
