package netc.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import netc.runtime.cl.Device;
import netc.runtime.io.DType;
import netc.runtime.io.ExtraTensors;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.runtime.io.WeightFiles;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Sgd;
import netc.train.TrainingStep;

/**
 * Replays one training step recorded by PyTorch and compares every result with ours.
 *
 * <p>The reference file (safetensors, as in {@code fixtures/}) holds the parameters (own or
 * {@code nn.Sequential} names), {@code input} {@code (N, C, H, W)}, {@code labels}, and any of:
 * {@code logits}, {@code loss}, {@code <param>.grad}, {@code <param>.after_sgd} (compared as the step's
 * change), and the metadata {@code lr} and {@code loss_after_sgd}. The step is the {@link TrainingStep} that
 * training runs, in {@link Mode#TRAIN_WITHOUT_DROPOUT}: dropout is the identity, since two generators never
 * draw the same mask, and batch norm normalises with the batch's statistics, as PyTorch recorded it. Whatever we compute that the file lacks is
 * listed in {@link ReferenceReport#notRecorded()}, and such a report is not a pass.
 *
 * <h2>Tolerance</h2>
 * Every element is judged, numpy-{@code allclose} style, by {@link #TOLERANCE}:
 * {@code |ours − reference| ≤ 3e-5 · scale + 3e-5 · |reference|}, {@code scale} being the reference
 * tensor's largest magnitude. The absolute part scales with the tensor because float32 rounding in a sum
 * follows the summed terms, not the result: an element that cancels to near zero carries the error of
 * the large ones, so the measured errors are nearly flat across a tensor, at a few 1e-7 to 2e-6 of its
 * scale, however small the element.
 *
 * <p>Measured (PoCL on the CPU; largest {@code |error| / scale} over all elements, updates after their
 * rounding allowance): the LeNet fixtures' logits 2.4e-7, loss 1.0e-7, gradients 1.7e-6 (sigmoid
 * conv1.weight), updates 1.3e-7; AlexNet against the Java reference (batch 2) logits 8.6e-7, gradients
 * 2.1e-6 (fc1.weight), updates 1.5e-6. With {@code 3e-5 · scale} the worst element has a 14-fold margin,
 * and the largest elements, allowed {@code 6e-5 · scale}, 28-fold; one limit serves forward results,
 * gradients and updates alike since their worst cases (8.6e-7, 2.1e-6, 1.5e-6) lie within a factor 3 of
 * each other. No element needed the
 * relative part at all once {@code 3e-6 · scale} was allowed; it stands for rounding that follows the
 * element itself. What this catches and the former {@code max error / scale ≤ 5e-4} did not: any element
 * above 3e-5 of its tensor's scale that is wrong by more than that, e.g. a unit's gradient column at
 * 4.6e-4 of the scale set to zero, or an element at 2e-4 of the scale doubled.
 *
 * <p>An all-zero reference tensor has no scale: it borrows the smallest one among the file's other
 * results of its {@link ResultKind kind} (forward results, gradients, updates), or demands exact zeros if
 * there is none, so it never turns the limit into a loose absolute one.
 *
 * <p>SGD updates are compared as {@code after − before}, each element allowed one float32 ulp of the
 * parameter on top of the limit (see {@code compareUpdate}).
 */
public final class ReferenceComparison {
    /**
     * The limit for every compared element: 3e-5 of its tensor's scale plus 3e-5 of itself, some 14 times the
     * worst error measured (2.1e-6 of the scale); see the class comment for the measurements.
     */
    public static final Tolerance TOLERANCE = new Tolerance(3e-5, 3e-5);

    private ReferenceComparison() {}

    /**
     * Replays the step recorded in {@code file} on a model from {@code factory} at the file's batch size.
     * A file that cannot be replayed (no input or labels, an input of another shape, parameters that do
     * not fit) is an {@link IllegalArgumentException} or {@link netc.runtime.io.WeightFileException}
     * saying what to fix.
     */
    public static ReferenceReport check(Device device, ModelFactory factory, Path file) {
        TensorFile reference = SafetensorsReader.read(file);
        HostTensor input = required(reference, "input", "the batch, F32 (N, C, H, W)");
        long[] shape = input.shape();
        if (shape.length != 4 || input.dtype() != DType.F32 || shape[0] < 1) {
            throw new IllegalArgumentException("Reference " + file + ": 'input' is " + input + " but must be F32"
                    + " (N, C, H, W) with N >= 1; store the batch with its channel dimension, e.g. [8, 1, 28, 28].");
        }
        int[] labels = labels(reference);
        try (CompiledModel model = factory.create(device, Math.toIntExact(shape[0]))) {
            checkFits(reference, shape, labels, model.info());
            return compare(model, reference, input.floats(), labels);
        }
    }

    private static void checkFits(TensorFile reference, long[] inputShape, int[] labels, NetworkInfo network) {
        long[] expected = {inputShape[0], network.channels(), network.height(), network.width()};
        if (!Arrays.equals(inputShape, expected)) {
            throw new IllegalArgumentException("Reference " + reference.file() + ": 'input' has shape "
                    + Arrays.toString(inputShape) + " but " + network.name() + " takes (N, " + network.channels()
                    + ", " + network.height() + ", " + network.width() + "); record the batch at the network's input"
                    + " size (e.g. " + Arrays.toString(expected) + ").");
        }
        if (labels.length != inputShape[0]) {
            throw new IllegalArgumentException("Reference " + reference.file() + ": 'labels' holds " + labels.length
                    + " labels for a batch of " + inputShape[0] + "; record one class per example.");
        }
        for (int label : labels) {
            if (label < 0 || label >= network.outputs()) {
                throw new IllegalArgumentException("Reference " + reference.file() + ": label " + label + " is not a"
                        + " class of " + network.name() + " (0 to " + (network.outputs() - 1) + ").");
            }
        }
    }

    private static ReferenceReport compare(CompiledModel model, TensorFile reference, float[] input, int[] labels) {
        int batch = model.batchSize();
        WeightFiles.load(reference, model, ExtraTensors.IGNORE);
        Recorder recorder = new Recorder(reference, WeightFiles.modelNames(reference, model));
        float learningRate = Float.parseFloat(metadataOr(reference, "lr", "0.01"));
        // PyTorch's recorded step: plain SGD at the file's rate, dropout off (no two generators draw the same
        // masks), batch norm in training mode with the batch's statistics.
        try (Sgd sgd = new Sgd(model.device(), model.parameters(), learningRate, 0f, 0f);
             TrainingStep step = new TrainingStep(model, sgd, Mode.TRAIN_WITHOUT_DROPOUT)) {
            model.input().upload(input);
            step.labels().write(labels);

            step.forward(batch, 0L, 0L);
            recorder.compare("logits", ResultKind.FORWARD, model.logits().download());
            LossResult initialLoss = step.loss();
            recorder.compare("loss", ResultKind.FORWARD, new float[] {initialLoss.loss()});

            step.backward();
            for (Parameter parameter : model.parameters()) {
                recorder.compare(parameter.name() + ".grad", ResultKind.GRADIENT, parameter.grad().download());
            }

            List<float[]> before = model.parameters().stream().map(p -> p.value().download()).toList();
            step.update();
            for (int i = 0; i < model.parameters().size(); i++) {
                compareUpdate(recorder, model.parameters().get(i), before.get(i));
            }
            String lossAfter = metadataOr(reference, "loss_after_sgd", null);
            if (lossAfter != null) {
                // The oracle's check: the updated parameters on the same batch in the same mode (batch norm
                // normalising with the batch's statistics). It moves the running statistics again, which
                // nothing compares afterwards.
                step.forward(batch, 0L, 1L);
                recorder.add("loss_after_sgd", ResultKind.FORWARD, new float[] {step.loss().loss()},
                        new float[] {Float.parseFloat(lossAfter)}, null);
            } else {
                recorder.absent.add("loss_after_sgd");
            }
        }
        return new ReferenceReport(model.info().name(), batch, recorder.results, recorder.absent);
    }

    /** Collects the comparisons, and the names the file has no reference for. */
    private static final class Recorder {
        final TensorFile reference;
        final UnaryOperator<String> toModelName;
        final List<TensorComparison> results = new ArrayList<>();
        final List<String> absent = new ArrayList<>();

        Recorder(TensorFile reference, UnaryOperator<String> toModelName) {
            this.reference = reference;
            this.toModelName = toModelName;
        }

        /** The file's name for what reads as {@code modelName} in the network's terms, or null. */
        String fileName(String modelName) {
            for (String fileName : reference.tensors().keySet()) {
                if (toModelName.apply(fileName).equals(modelName)) {
                    return fileName;
                }
            }
            return null;
        }

        /** Compares with the reference tensor that reads as {@code modelName}, or notes its absence. */
        void compare(String modelName, ResultKind kind, float[] ours) {
            String fileName = fileName(modelName);
            if (fileName == null) {
                absent.add(modelName);
            } else {
                add(modelName, kind, ours, reference.tensor(fileName).floats(), null);
            }
        }

        void add(String name, ResultKind kind, float[] ours, float[] theirs, float[] allowance) {
            results.add(TensorComparison.of(name, ours, theirs, allowance, TOLERANCE,
                    () -> kind.smallestScaleIn(reference)));
        }
    }

    /**
     * Compares the step's change {@code after − before} with PyTorch's, not the parameters themselves:
     * the change is ~lr·grad, thousands of times smaller than the parameter, so comparing parameters
     * would pass a wrong update. Each side rounds {@code after} to float32 (half an ulp of the parameter),
     * and gradients that agree to 1e-6 still round to neighbouring floats now and then; that one ulp is
     * allowed per element on top of {@link #TOLERANCE}, since next to a small change it can exceed the limit
     * (a parameter near 0.1 has an ulp of 7e-9, LeNet's fc1 update is ~1e-5, so the limit is ~6e-10) while
     * no wrong update fits in it.
     */
    private static void compareUpdate(Recorder recorder, Parameter parameter, float[] before) {
        String name = parameter.name() + ".sgd_update";
        String after = recorder.fileName(parameter.name() + ".after_sgd");
        String initial = recorder.fileName(parameter.name());
        if (after == null || initial == null) {
            recorder.absent.add(name);
            return;
        }
        float[] ours = parameter.value().download();
        float[] theirs = recorder.reference.tensor(after).floats();
        float[] start = recorder.reference.tensor(initial).floats();
        float[] rounding = new float[ours.length];
        for (int i = 0; i < ours.length; i++) {
            rounding[i] = Math.ulp(Math.max(Math.abs(ours[i]), Math.abs(theirs[i])));
            ours[i] -= before[i];
            theirs[i] -= start[i];
        }
        recorder.add(name, ResultKind.UPDATE, ours, theirs, rounding);
    }

    private static HostTensor required(TensorFile reference, String name, String what) {
        HostTensor tensor = reference.tensors().get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("Reference " + reference.file() + " holds no '" + name + "' tensor;"
                    + " record " + what + " under that name.");
        }
        return tensor;
    }

    private static int[] labels(TensorFile reference) {
        HostTensor labels = required(reference, "labels", "the classes, I64 (N)");
        return switch (labels.dtype()) {
            case I64 -> Arrays.stream(labels.longs()).mapToInt(Math::toIntExact).toArray();
            case I32 -> labels.ints();
            default -> throw new IllegalArgumentException("Reference " + reference.file()
                    + ": 'labels' is " + labels + " but must be I64 or I32; store the classes as integers.");
        };
    }

    private static String metadataOr(TensorFile reference, String key, String fallback) {
        String value = reference.metadata().get(key);
        return value == null ? fallback : value;
    }
}
