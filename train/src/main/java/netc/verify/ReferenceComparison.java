package netc.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import netc.runtime.model.StateTensor;
import netc.train.TrainingStep;

/**
 * Replays one training step recorded by PyTorch and compares every result with ours.
 *
 * <p>The reference file (safetensors, as in {@code fixtures/}) holds the state_dict before the step (parameters
 * and buffers: a batch norm's {@code running_mean}, {@code running_var} and {@code num_batches_tracked}, under
 * the network's own names or PyTorch's, which the network's compiled PyTorch paths map, see
 * {@link WeightFiles}), {@code input} {@code (N, C, H, W)}, {@code labels}, the metadata {@code lr}, and any of:
 * {@code logits}, {@code loss}, {@code <param>.grad}, {@code <param>.after_sgd} (compared as the step's
 * change), {@code <buffer>.after_step} (running statistics compared as the step's change; the count exactly)
 * and the metadata {@code loss_after_sgd}. The step is the {@link TrainingStep} that training runs, in
 * {@link Mode#TRAIN_WITHOUT_DROPOUT}, with plain SGD at {@code lr} (see {@link StepReplay}). Whatever we compute
 * that the file lacks is listed in {@link ReferenceReport#notRecorded()}, and such a report is not a pass.
 *
 * <h2>Tolerance</h2>
 * Every element is judged, numpy-{@code allclose} style, by {@link #TOLERANCE}:
 * {@code |ours − reference| ≤ 3e-5 · scale + 3e-5 · |reference|}, {@code scale} being the reference
 * tensor's largest magnitude, plus two allowances for float32 noise described below. The absolute part scales
 * with the tensor because float32 rounding in a sum follows the summed terms, not the result: an element that
 * cancels to near zero carries the error of the large ones, so the measured errors are nearly flat across a
 * tensor, at a few 1e-7 to 2e-6 of its scale, however small the element.
 *
 * <p>Measured (PoCL on the CPU; largest {@code |error| / scale} over all elements, updates after their
 * rounding allowance): the LeNet fixtures' logits 2.4e-7, loss 1.0e-7, gradients 1.7e-6 (sigmoid
 * conv1.weight), updates 1.3e-7; AlexNet against the Java reference (batch 2) logits 8.6e-7, gradients
 * 2.1e-6 (fc1.weight), updates 1.5e-6. With {@code 3e-5 · scale} the worst element has a 14-fold margin,
 * and the largest elements, allowed {@code 6e-5 · scale}, 28-fold; one limit serves forward results,
 * gradients and updates alike since their worst cases (8.6e-7, 2.1e-6, 1.5e-6) lie within a factor 3 of
 * each other. No element needed the relative part at all once {@code 3e-6 · scale} was allowed; it stands for
 * rounding that follows the element itself. What this catches and the former {@code max error / scale ≤ 5e-4}
 * did not: any element above 3e-5 of its tensor's scale that is wrong by more than that, e.g. a unit's
 * gradient column at 4.6e-4 of the scale set to zero, or an element at 2e-4 of the scale doubled.
 *
 * <h2>Float32 noise</h2>
 * That limit assumes a result about as large as the terms it sums. Some are not, and there both float32
 * results, PyTorch's and ours, are off the exact value by far more (measured against a float64 evaluation of
 * the same step, numpy_check.py of the PyTorch oracle): the bias gradient of a layer a batch norm follows is
 * exactly 0 and both sides hold rounding residue (DenseNet, ResNet-18, LeNetBN); the lower layers of NiN and
 * GoogLeNet, whose gradients vanish to 1e-7 of the top layers', err by up to 2e-3 of their scale on both
 * sides; gradients behind a batch norm over two values per channel err by up to 5e-4 (see
 * {@link TwoValueBatchNorms}). So each result is further allowed:
 * <ul>
 *   <li>{@link #NOISE_FACTOR} times its noise: the largest change of that result when the same step is
 *       replayed with every parameter moved one ulp ({@link Float32Noise}). A well-conditioned result moves by
 *       some 1e-7 of its scale (LeNet: at most 7e-7), so this adds at most about 7e-6 of the scale there; a
 *       result that is noise moves as much as the noise. The largest error seen, in units of that noise, was
 *       3.8 (LeNetBN, where the next allowance covers it), 3.5 (DenseNet's zero bias gradients, PyTorch's
 *       residue being some twice ours), 1.7 (ResNet-18) and 1.0 (NiN, GoogLeNet): 10 leaves a margin of 2.6;
 *   <li>for gradients and updates, where a batch norm sees only two values per channel, {@code 2·u·κ} of the
 *       tensor's scale ({@link TwoValueBatchNorms}).
 * </ul>
 * A wrong result still fails: it errs by the size of a missing or doubled contribution, which for a
 * well-conditioned tensor is thousands of times its noise (LeNetBN's conv1 gradient off by 2% fails though it
 * lies behind two such batch norms).
 *
 * <p>An all-zero reference tensor has no scale: it borrows the smallest one among the file's other
 * results of its {@link ResultKind kind} (forward results, gradients, updates, running statistics' changes), or
 * demands exact zeros (plus the allowances) if there is none, so it never turns the limit into a loose
 * absolute one.
 *
 * <p>SGD updates and running statistics are compared as {@code after − before}, each element allowed one
 * float32 ulp of the value on top of the limit (see {@code compareUpdate}).
 */
public final class ReferenceComparison {
    /**
     * The limit for every compared element: 3e-5 of its tensor's scale plus 3e-5 of itself, some 14 times the
     * worst error measured (2.1e-6 of the scale); see the class comment for the measurements.
     */
    public static final Tolerance TOLERANCE = new Tolerance(3e-5, 3e-5);
    /** Counts ({@code num_batches_tracked}) must be equal. */
    static final Tolerance EXACT = new Tolerance(0, 0);
    /** How many times its measured float32 noise a result may differ by, on top of {@link #TOLERANCE}. */
    static final double NOISE_FACTOR = 10;

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
        float learningRate = learningRate(reference);
        WeightFiles.load(reference, model, ExtraTensors.IGNORE);
        StepReplay.Results ours = StepReplay.run(model, input, labels, learningRate);
        // The same step from the same state, every parameter one ulp away: a sample of the float32 noise.
        WeightFiles.load(reference, model, ExtraTensors.IGNORE);
        Float32Noise.nudgeParameters(model, Float32Noise.SEED);
        StepReplay.Results nudged = StepReplay.run(model, input, labels, learningRate);

        TwoValueBatchNorms twoValues = TwoValueBatchNorms.of(model.info(), model.batchSize(), ours);
        Recorder recorder = new Recorder(reference, model, learningRate, ours, nudged, twoValues);
        recorder.compare("logits", ResultKind.FORWARD);
        recorder.compare("loss", ResultKind.FORWARD);
        for (Parameter parameter : model.parameters()) {
            recorder.compare(parameter.name() + ".grad", ResultKind.GRADIENT);
        }
        for (Parameter parameter : model.parameters()) {
            recorder.compareUpdate(parameter.name());
        }
        for (StateTensor buffer : model.buffers()) {
            recorder.compareStateChange(buffer.name());
        }
        ours.counters().forEach(recorder::compareExactly);
        recorder.compareLossAfterUpdate();
        List<String> notes = twoValues.any() ? List.of(twoValues.describe()) : List.of();
        return new ReferenceReport(model.info().name(), model.batchSize(), recorder.results, recorder.absent, notes);
    }

    /** The rate of the recorded SGD step, the metadata {@code lr}; without it the step cannot be replayed. */
    private static float learningRate(TensorFile reference) {
        String text = reference.metadata().get("lr");
        if (text == null) {
            throw new IllegalArgumentException("Reference " + reference.file() + " has no 'lr' metadata, the learning"
                    + " rate of the SGD step it records; add it (e.g. \"lr\": \"0.01\" in __metadata__).");
        }
        try {
            float rate = Float.parseFloat(text);
            if (rate > 0 && Float.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Reference " + reference.file() + " records lr = '" + text + "', which is"
                + " not a positive number; record the SGD step's learning rate, e.g. 0.01.");
    }

    /** Compares our results with the file's, each allowed {@link #NOISE_FACTOR} times its float32 noise. */
    private static final class Recorder {
        final TensorFile reference;
        final float learningRate;
        final TwoValueBatchNorms twoValues;
        final StepReplay.Results ours;
        final StepReplay.Results nudged;
        final Map<String, String> fileNameOf = new HashMap<>();
        final List<TensorComparison> results = new ArrayList<>();
        final List<String> absent = new ArrayList<>();

        Recorder(TensorFile reference, CompiledModel model, float learningRate, StepReplay.Results ours,
                 StepReplay.Results nudged, TwoValueBatchNorms twoValues) {
            this.reference = reference;
            this.twoValues = twoValues;
            this.learningRate = learningRate;
            this.ours = ours;
            this.nudged = nudged;
            UnaryOperator<String> toModelName = WeightFiles.modelNames(model);
            for (String fileName : reference.tensors().keySet()) {
                fileNameOf.putIfAbsent(toModelName.apply(fileName), fileName);
            }
        }

        /** Compares our result {@code name} with the file's tensor that reads as it, or notes its absence. */
        void compare(String name, ResultKind kind) {
            String fileName = fileNameOf.get(name);
            if (fileName == null) {
                absent.add(name);
                return;
            }
            float[] mine = ours.get(name);
            double noise = Float32Noise.of(mine, nudged.get(name));
            add(name, kind, mine, reference.tensor(fileName).floats(), null, noise);
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
        void compareUpdate(String parameter) {
            String name = parameter + ".sgd_update";
            String after = fileNameOf.get(parameter + ".after_sgd");
            String initial = fileNameOf.get(parameter);
            if (after == null || initial == null) {
                absent.add(name);
                return;
            }
            float[] mine = change(ours, parameter);
            float[] theirs = reference.tensor(after).floats();
            float[] start = reference.tensor(initial).floats();
            float[] ourAfter = ours.get(parameter + ".after_sgd");
            float[] rounding = new float[mine.length];
            for (int i = 0; i < mine.length; i++) {
                rounding[i] = Math.ulp(Math.max(Math.abs(ourAfter[i]), Math.abs(theirs[i])));
                theirs[i] -= start[i];
            }
            // The update's own rounding is the one-ulp allowance; its noise is that of the gradient it scales.
            String gradient = parameter + ".grad";
            double noise = learningRate * Float32Noise.of(ours.get(gradient), nudged.get(gradient));
            add(name, ResultKind.UPDATE, mine, theirs, rounding, noise);
        }

        /**
         * Compares a running statistic after the step as the step's change, {@code after − before}, for the reason
         * updates are: the change is {@code momentum · (batch statistic − before)}, a tenth of the value's size or
         * less, and a wrong batch statistic moves the value by little more than its rounding. One ulp of the value
         * is allowed per element, as for updates.
         */
        void compareStateChange(String buffer) {
            String name = buffer + StepReplay.AFTER_STEP;
            String after = fileNameOf.get(name);
            String initial = fileNameOf.get(buffer);
            if (after == null || initial == null) {
                absent.add(name);
                return;
            }
            float[] mine = change(ours, buffer, name);
            float[] theirs = reference.tensor(after).floats();
            float[] start = reference.tensor(initial).floats();
            float[] ourAfter = ours.get(name);
            float[] rounding = new float[mine.length];
            for (int i = 0; i < mine.length; i++) {
                rounding[i] = Math.ulp(Math.max(Math.abs(ourAfter[i]), Math.abs(theirs[i])));
                theirs[i] -= start[i];
            }
            add(name, ResultKind.STATE, mine, theirs, rounding, Float32Noise.of(mine, change(nudged, buffer, name)));
        }

        private static float[] change(StepReplay.Results results, String parameter) {
            return change(results, parameter, parameter + ".after_sgd");
        }

        private static float[] change(StepReplay.Results results, String beforeName, String afterName) {
            float[] after = results.get(afterName);
            float[] before = results.get(beforeName);
            float[] change = new float[after.length];
            for (int i = 0; i < after.length; i++) {
                change[i] = after[i] - before[i];
            }
            return change;
        }

        /** A count (an I64 scalar in the file) must be equal. */
        void compareExactly(String name, long count) {
            String fileName = fileNameOf.get(name);
            if (fileName == null) {
                absent.add(name);
                return;
            }
            HostTensor theirs = reference.tensor(fileName);
            if (theirs.dtype() != DType.I64 || theirs.elements() != 1) {
                throw new IllegalArgumentException("Reference " + reference.file() + ": '" + fileName + "' is " + theirs
                        + " but must be an I64 scalar, the count of batches after the step.");
            }
            results.add(TensorComparison.of(name, new float[] {count}, new float[] {theirs.longs()[0]}, EXACT,
                    () -> 0));
        }

        /** The metadata {@code loss_after_sgd}: the loss of the updated parameters on the same batch. */
        void compareLossAfterUpdate() {
            String recorded = reference.metadata().get(StepReplay.LOSS_AFTER_SGD);
            if (recorded == null) {
                absent.add(StepReplay.LOSS_AFTER_SGD);
                return;
            }
            float[] mine = ours.get(StepReplay.LOSS_AFTER_SGD);
            add(StepReplay.LOSS_AFTER_SGD, ResultKind.FORWARD, mine, new float[] {Float.parseFloat(recorded)}, null,
                    Float32Noise.of(mine, nudged.get(StepReplay.LOSS_AFTER_SGD)));
        }

        private void add(String name, ResultKind kind, float[] mine, float[] theirs, float[] allowance, double noise) {
            double extra = NOISE_FACTOR * noise;
            if (kind == ResultKind.GRADIENT || kind == ResultKind.UPDATE) {
                extra += twoValues.ofScale() * ResultKind.scaleOf(theirs);
            }
            results.add(TensorComparison.of(name, mine, theirs, allowance, extra, TOLERANCE,
                    () -> kind.smallestScaleIn(reference)));
        }
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
