package netc.runtime.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.io.ExtraTensors;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Sgd;
import netc.runtime.ops.SoftmaxCrossEntropy;

/**
 * Replays one training step recorded by PyTorch and compares every result with ours.
 *
 * <p>The reference file (safetensors, as in {@code shared/fixtures/}) holds the parameters (own or
 * {@code nn.Sequential} names), {@code input} {@code (N, C, H, W)}, {@code labels}, and any of:
 * {@code logits}, {@code loss}, {@code <param>.grad}, {@code <param>.after_sgd} (compared as the step's change), and the metadata
 * {@code lr} and {@code loss_after_sgd}. Dropout is the identity (PyTorch's eval semantics), since two
 * generators never draw the same mask.
 */
public final class ReferenceComparison {
    /**
     * Forward results (logits, loss) accepted to a relative 1e-4 of their scale: float32 sums of a few
     * thousand terms in another order differ by ~1e-6 relative, so this leaves two orders of margin
     * while catching any wrong index or missing term (which errs by ~1e-2 or more).
     */
    public static final double FORWARD_TOLERANCE = 1e-4;
    /** Gradients pass through every layer backwards and accumulate more rounding; still far below a real bug's error. */
    public static final double GRADIENT_TOLERANCE = 5e-4;

    private ReferenceComparison() {}

    public static List<TensorComparison> run(Device device, ModelFactory factory, Path file) {
        TensorFile reference = SafetensorsReader.read(file);
        HostTensor input = reference.tensor("input");
        long[] shape = input.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException("Reference " + file + ": 'input' must be (N, C, H, W), is "
                    + Arrays.toString(shape));
        }
        try (CompiledModel model = factory.create(device, Math.toIntExact(shape[0]))) {
            return compare(model, reference, input.floats(), labels(reference));
        }
    }

    private static List<TensorComparison> compare(CompiledModel model, TensorFile reference, float[] input, int[] labels) {
        int batch = model.batchSize();
        int classes = model.info().outputs();
        if (input.length != batch * model.info().inputSize()) {
            throw new IllegalArgumentException("Reference " + reference.file() + ": input " + Arrays.toString(
                    reference.tensor("input").shape()) + " does not fit " + model.info().name() + "'s input ("
                    + model.info().channels() + ", " + model.info().height() + ", " + model.info().width() + ")");
        }
        WeightFiles.load(reference, model, ExtraTensors.IGNORE);
        UnaryOperator<String> toModelName = WeightFiles.modelNames(reference, model);
        List<TensorComparison> results = new ArrayList<>();
        Device device = model.device();
        try (Buffer labelBuffer = Buffer.allocate(device, batch);
             Tensor dLogits = new Tensor(device, batch, classes);
             SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(device, batch, classes)) {
            model.input().upload(input);
            labelBuffer.write(labels);

            model.forward(Mode.EVAL);
            addIfPresent(results, reference, toModelName, "logits", model.logits().download(), FORWARD_TOLERANCE);
            loss.forward(dLogits, model.logits(), labelBuffer, batch);
            LossResult initialLoss = loss.read();
            addIfPresent(results, reference, toModelName, "loss", new float[] {initialLoss.loss()}, FORWARD_TOLERANCE);

            model.backward(dLogits);
            for (Parameter parameter : model.parameters()) {
                addIfPresent(results, reference, toModelName, parameter.name() + ".grad",
                        parameter.grad().download(), GRADIENT_TOLERANCE);
            }

            float learningRate = Float.parseFloat(metadataOr(reference, "lr", "0.01"));
            List<float[]> before = model.parameters().stream().map(p -> p.value().download()).toList();
            try (Sgd sgd = new Sgd(device, model.parameters(), learningRate, 0f, 0f)) {
                sgd.step();
            }
            for (int i = 0; i < model.parameters().size(); i++) {
                compareUpdate(results, reference, toModelName, model.parameters().get(i), before.get(i));
            }
            String lossAfter = metadataOr(reference, "loss_after_sgd", null);
            if (lossAfter != null) {
                model.forward(Mode.EVAL);
                loss.forward(dLogits, model.logits(), labelBuffer, batch);
                results.add(TensorComparison.of("loss_after_sgd", new float[] {loss.read().loss()},
                        new float[] {Float.parseFloat(lossAfter)}, FORWARD_TOLERANCE));
            }
        }
        return results;
    }

    /**
     * Compares the step's change {@code after − before} with PyTorch's, not the parameters themselves:
     * the change is ~lr·grad, thousands of times smaller than the parameter, so comparing parameters
     * would pass a wrong update.
     */
    private static void compareUpdate(List<TensorComparison> results, TensorFile reference,
                                      UnaryOperator<String> toModelName, Parameter parameter, float[] before) {
        String after = fileName(reference, toModelName, parameter.name() + ".after_sgd");
        String initial = fileName(reference, toModelName, parameter.name());
        if (after == null || initial == null) {
            return;
        }
        float[] ours = parameter.value().download();
        float[] theirs = reference.tensor(after).floats();
        float[] start = reference.tensor(initial).floats();
        for (int i = 0; i < ours.length; i++) {
            ours[i] -= before[i];
            theirs[i] -= start[i];
        }
        results.add(TensorComparison.of(parameter.name() + ".sgd_update", ours, theirs, GRADIENT_TOLERANCE));
    }

    private static String fileName(TensorFile reference, UnaryOperator<String> toModelName, String modelName) {
        for (String fileName : reference.tensors().keySet()) {
            if (toModelName.apply(fileName).equals(modelName)) {
                return fileName;
            }
        }
        return null;
    }

    /** Compares with the reference tensor that reads as {@code modelName}, if the file has one. */
    private static void addIfPresent(List<TensorComparison> results, TensorFile reference,
                                     UnaryOperator<String> toModelName, String modelName, float[] ours, double tolerance) {
        String fileName = fileName(reference, toModelName, modelName);
        if (fileName != null) {
            results.add(TensorComparison.of(modelName, ours, reference.tensor(fileName).floats(), tolerance));
        }
    }

    private static int[] labels(TensorFile reference) {
        HostTensor labels = reference.tensor("labels");
        return switch (labels.dtype()) {
            case I64 -> Arrays.stream(labels.longs()).mapToInt(Math::toIntExact).toArray();
            case I32 -> labels.ints();
            default -> throw new IllegalArgumentException("Reference " + reference.file()
                    + ": 'labels' must be I64 or I32, is " + labels.dtype());
        };
    }

    private static String metadataOr(TensorFile reference, String key, String fallback) {
        String value = reference.metadata().get(key);
        return value == null ? fallback : value;
    }
}
