package netc.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import netc.train.Optimizers;
import netc.train.TrainingOptions;

/**
 * The named starting points of {@code netc train}, for every option the command line leaves out:
 * <ul>
 *   <li>{@value #DEFAULT}: {@link TrainingOptions}' defaults, which suit any network (SGD lr 0.01,
 *       momentum 0.9, batch 64, 10 epochs);
 *   <li>{@value #D2L}: the settings d2l.ai (classic edition, PyTorch) trains each of its networks with,
 *       plain SGD for 10 epochs at a rate and batch of its own: LeNet lr 0.9 batch 256, AlexNet 0.01 and
 *       128, VGG-11 0.05 and 128, NiN 0.1 and 128, GoogLeNet 0.1 and 128, BatchNorm LeNet 1.0 and 256,
 *       ResNet-18 0.05 and 256, DenseNet 0.1 and 256.
 * </ul>
 * Without {@code --recipe}, the samples d2l trains (named by the classes in {@code netc.samples}) take
 * {@value #D2L}, so {@code netc train LeNet} reproduces d2l's run; every other network takes {@value #DEFAULT}.
 */
final class TrainingRecipes {
    static final String DEFAULT = "default";
    static final String D2L = "d2l";

    /** d2l's rate and batch per sample network, by class name. */
    private static final Map<String, D2lSettings> D2L_SETTINGS = new LinkedHashMap<>();

    static {
        d2l("LeNet", 0.9, 256);
        d2l("AlexNet", 0.01, 128);
        d2l("VGG11", 0.05, 128);
        d2l("NiN", 0.1, 128);
        d2l("GoogLeNet", 0.1, 128);
        d2l("LeNetBN", 1.0, 256);
        d2l("ResNet18", 0.05, 256);
        d2l("DenseNet", 0.1, 256);
    }

    private record D2lSettings(double learningRate, int batchSize) {}

    private TrainingRecipes() {}

    private static void d2l(String sample, double learningRate, int batchSize) {
        D2L_SETTINGS.put(NetworkResolver.SAMPLES_PACKAGE + "." + sample, new D2lSettings(learningRate, batchSize));
    }

    /** The recipe a network gets when {@code --recipe} is left out. */
    static String defaultFor(Class<?> network) {
        return D2L_SETTINGS.containsKey(network.getName()) ? D2L : DEFAULT;
    }

    /**
     * The options {@code recipe} (null: {@link #defaultFor}) gives {@code network}, outputs in
     * {@code runs/<network>}; an unknown recipe, or d2l's for a network d2l does not train, is refused.
     */
    static TrainingOptions.Builder forNetwork(String recipe, Class<?> network) {
        String chosen = recipe == null ? defaultFor(network) : recipe.toLowerCase(Locale.ROOT);
        TrainingOptions.Builder options = TrainingOptions.builder()
                .outputDirectory(Path.of("runs", network.getSimpleName().toLowerCase(Locale.ROOT)));
        switch (chosen) {
            case DEFAULT -> {
                return options;
            }
            case D2L -> {
                D2lSettings d2l = D2L_SETTINGS.get(network.getName());
                if (d2l == null) {
                    throw new IllegalArgumentException("d2l has no recipe for " + network.getName()
                            + "; it has one for " + String.join(", ", sampleNames())
                            + ", so leave --recipe out (or pass --recipe " + DEFAULT + ") and set what you need.");
                }
                return options.epochs(10).batchSize(d2l.batchSize()).optimizer(Optimizers.sgd(d2l.learningRate()));
            }
            default -> throw new IllegalArgumentException("Unknown recipe '" + recipe + "'; choose " + DEFAULT
                    + " (settings for any network) or " + D2L + " (d2l's for its sample networks).");
        }
    }

    private static Iterable<String> sampleNames() {
        return D2L_SETTINGS.keySet().stream().map(name -> name.substring(name.lastIndexOf('.') + 1)).toList();
    }
}
