package com.example.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netc.data.ImageDatasets;
import netc.data.TrainingData;
import netc.runtime.io.DataDescription;
import netc.runtime.io.SafetensorsReader;
import netc.train.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's own check: ShapeNet learns the shapes from the committed data and predicts them. */
class ShapesExampleTest {
    @TempDir
    Path runs;

    @Test
    void learnsTheShapesFromTheImageFolderAndPredictsTheTestPictures() throws IOException {
        TrainingReport report = ShapesExample.train(TrainingData.of(ImageDatasets.imageFolder(Path.of("data/shapes/train")),
                ImageDatasets.imageFolder(Path.of("data/shapes/test"))), runs.resolve("folder"));
        assertEquals(List.of("circle", "cross", "square"),
                DataDescription.read(SafetensorsReader.read(report.checkpoint()), ShapeNetModel.INFO).classNames());
        List<Path> pictures;
        try (Stream<Path> files = Files.walk(Path.of("data/shapes/test"))) {
            pictures = files.filter(file -> file.toString().endsWith(".png")).sorted().toList();
        }
        double accuracy = ShapesExample.predict(report.checkpoint(), pictures);
        // Chance is a third; the shapes are easy (0.87 measured on PoCL), so most pictures must be right.
        assertTrue(accuracy >= 0.7, "accuracy " + accuracy);
        // The predictions read the PNG files themselves and convert them on the host; training's last test
        // pass read the same pictures through the dataset and the device. Both must see the same images.
        double lastTest = report.epochs().get(report.epochs().size() - 1).testAccuracy();
        assertEquals(lastTest, accuracy, 1e-9, "the Predictor's accuracy on the test pictures against training's");
    }

    @Test
    void learnsTheShapesFromTheCsvFile() {
        TrainingReport report = ShapesExample.train(
                TrainingData.holdingOut(ImageDatasets.csv(Path.of("data/shapes.csv")), 0.2, 7), runs.resolve("csv"));
        assertTrue(Files.isRegularFile(report.checkpoint()));
        assertEquals(List.of("circle", "cross", "square"),
                DataDescription.read(SafetensorsReader.read(report.checkpoint()), ShapeNetModel.INFO).classNames());
    }
}
