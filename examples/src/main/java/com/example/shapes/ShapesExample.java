package com.example.shapes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netc.data.ImageDataset;
import netc.data.ImageDatasets;
import netc.data.TrainingData;
import netc.runtime.predict.Prediction;
import netc.runtime.predict.Predictor;
import netc.train.Optimizers;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;

/**
 * Trains {@link ShapeNet} twice, on an image folder and on a CSV file, and then classifies pictures with
 * the trained network. {@code mvn -q exec:java} runs it from this folder.
 */
public final class ShapesExample {
    private ShapesExample() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        Path runs = Path.of(args.length > 1 ? args[1] : "target/runs");

        // An image folder: one sub-folder per class (circle/, cross/, square/), 16×16 colour PNGs.
        TrainingReport fromFolder = train(TrainingData.of(
                ImageDatasets.imageFolder(data.resolve("shapes/train")),
                ImageDatasets.imageFolder(data.resolve("shapes/test"))), runs.resolve("folder"));

        // A CSV file: a label column and 10×10 grey pixels; a fifth of it held out to test on. The grey
        // images are given to the 3-channel network as three equal channels, resized to 16×16.
        ImageDataset csv = ImageDatasets.csv(data.resolve("shapes.csv"));
        train(TrainingData.holdingOut(csv, 0.2, 7), runs.resolve("csv"));

        // Predictions from the folder-trained checkpoint, for every test picture.
        List<Path> pictures;
        try (Stream<Path> files = Files.walk(data.resolve("shapes/test"))) {
            pictures = files.filter(file -> file.toString().endsWith(".png")).sorted().toList();
        }
        double accuracy = predict(fromFolder.checkpoint(), pictures);
        System.out.printf("%.0f%% of %d test pictures classified correctly%n", 100 * accuracy, pictures.size());
    }

    /** Trains a fresh ShapeNet on {@code data}, writing metrics, a plot and the checkpoint to {@code output}. */
    static TrainingReport train(TrainingData data, Path output) {
        TrainingOptions options = TrainingOptions.builder()
                .epochs(40)
                .batchSize(16)
                .optimizer(Optimizers.sgd(0.05).momentum(0.9))
                .outputDirectory(output) // metrics.csv, training.png, checkpoint.safetensors
                .overwrite(true)         // replacing an earlier run's outputs
                .build();               // the rest as defaulted: seed 42, the default device, all images
        return Trainer.fit(ShapeNetModel.FACTORY, ShapeNetModel.INFO, options, data, System.out);
    }

    /**
     * Prints each picture's top 3 classes and returns the fraction whose best class is its folder's name
     * (the class names come from the checkpoint, which took them from the training folders).
     */
    static double predict(Path checkpoint, List<Path> pictures) {
        try (Predictor predictor = Predictor.load(ShapeNetModel.FACTORY, ShapeNetModel.INFO, checkpoint)) {
            float[][] probabilities = predictor.predict(pictures.toArray(new Path[0]));
            int correct = 0;
            for (int i = 0; i < pictures.size(); i++) {
                List<Prediction> top = predictor.top(probabilities[i], 3);
                System.out.println(pictures.get(i));
                for (Prediction prediction : top) {
                    System.out.printf("  %s %.4f%n", prediction.className(), prediction.probability());
                }
                if (top.get(0).className().equals(pictures.get(i).getParent().getFileName().toString())) {
                    correct++;
                }
            }
            return (double) correct / pictures.size();
        }
    }
}
