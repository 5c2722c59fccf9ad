package netc.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import netc.runtime.predict.ImageInput;
import netc.runtime.predict.Prediction;
import netc.runtime.predict.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netc predict}: each image's most probable classes under a trained network. Every image is read
 * and converted first, then the checkpoint is read and checked, and only then does a device open, so a
 * wrong file costs nothing.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Classifies images with a trained network. For each image, prints its path, then its most"
                + " probable classes, best first, one '  NAME PROBABILITY' line each.",
                "Images (PNG, JPEG, GIF, BMP) are converted to the network's channels (grey or RGB) and resized"
                        + " to its input as in training. Class names come from the checkpoint; a checkpoint"
                        + " without them names the classes 'class 0', 'class 1', ..."})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<network>",
            description = "A sample (LeNet, AlexNet) or the fully qualified name of a @Network class.")
    String network;

    @Mixin
    NetworkClassPath classPath;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "Image files to classify.")
    List<Path> images;

    @Option(names = {"--checkpoint", "--weights"}, required = true, paramLabel = "FILE",
            description = "A netc checkpoint or weight file of the network (or a PyTorch state_dict as .safetensors).")
    Path checkpoint;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "Classes shown per image (default: ${DEFAULT-VALUE}; all of them when the network has fewer).")
    int top;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + Predictor.DEFAULT_BATCH_SIZE,
            description = "Images per forward pass, at most the number of images (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--device", paramLabel = "SEL", description = "OpenCL device, as for 'netc train'.")
    String device;

    @Override
    public Integer call() {
        if (top < 1 || batchSize < 1) {
            throw new ParameterException(spec.commandLine(), "--top and --batch-size must be at least 1.");
        }
        InputFiles.require(spec, checkpoint, "checkpoint");
        CompiledNetwork compiled = classPath.resolve(network);
        List<float[]> inputs = new ArrayList<>(images.size());
        for (Path image : images) {
            inputs.add(ImageInput.convert(ImageInput.read(image), compiled.info()));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Predictor predictor = Predictor.load(compiled.factory(), compiled.info(), checkpoint, device,
                Math.min(batchSize, images.size()))) {
            float[][] probabilities = predictor.predict(inputs.toArray(new float[0][]));
            for (int i = 0; i < images.size(); i++) {
                out.println(images.get(i));
                for (Prediction prediction : predictor.top(probabilities[i], top)) {
                    out.printf(Locale.ROOT, "  %s %.4f%n", prediction.className(), prediction.probability());
                }
            }
        }
        out.flush();
        return 0;
    }
}
