package netc.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.TestDevice;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Adam;
import netc.runtime.ops.Optimizer;
import netc.runtime.ops.Sgd;
import netc.runtime.reference.DenseReference;
import netc.runtime.reference.SgdReference;
import netc.runtime.reference.SoftmaxCrossEntropyReference;
import org.junit.jupiter.api.Test;

/** The one training step that training, {@code netc bench} and {@code netc check} share. */
class TrainingStepTest {
    private static final int BATCH = 5;
    private static final int[] LABELS = {0, 2, 1, 1, 0};

    @TestDevice private static Device device;

    /**
     * Forward, loss, backward and SGD update against the plain-Java reference, dropout off as a replayed
     * reference step has it. A few float32 sums of at most 6 terms of size ~1 per value: 1e-5 of the values'
     * scale is ~30 times the rounding, while a skipped or doubled update moves weights by lr·grad ~ 1e-2.
     */
    @Test
    void oneStepWithoutDropoutIsTheReferenceSgdStep() {
        float[] images = images(new Random(3));
        try (TinyModel model = new TinyModel(device, BATCH, 0.5f);
             Sgd sgd = new Sgd(device, model.parameters(), 0.5f, 0f, 0f);
             TrainingStep step = new TrainingStep(model, sgd, Mode.TRAIN_WITHOUT_DROPOUT)) {
            List<double[]> parameters = initialise(model, 7);
            model.input().upload(images);
            step.labels().write(LABELS);
            step.run(BATCH, 11L, 0L);

            double[] x = toDouble(images);
            double[] hidden = new double[BATCH * TinyModel.HIDDEN];
            double[] logits = new double[BATCH * TinyModel.CLASSES];
            DenseReference.forward(hidden, x, parameters.get(0), parameters.get(1), BATCH, TinyModel.IN,
                    TinyModel.HIDDEN, Activation.RELU);
            DenseReference.forward(logits, hidden, parameters.get(2), parameters.get(3), BATCH, TinyModel.HIDDEN,
                    TinyModel.CLASSES, Activation.NONE);
            assertEquals(SoftmaxCrossEntropyReference.loss(logits, LABELS, TinyModel.CLASSES, BATCH),
                    step.loss().loss(), 1e-5);
            double[] dLogits = SoftmaxCrossEntropyReference.gradient(logits, LABELS, TinyModel.CLASSES, BATCH, BATCH);
            List<double[]> grads = new ArrayList<>();
            parameters.forEach(p -> grads.add(new double[p.length]));
            double[] dHidden = new double[hidden.length];
            DenseReference.backward(dHidden, grads.get(2), grads.get(3), dLogits, hidden, parameters.get(2), logits,
                    BATCH, TinyModel.HIDDEN, TinyModel.CLASSES, Activation.NONE);
            DenseReference.backward(null, grads.get(0), grads.get(1), dHidden, x, parameters.get(0), hidden, BATCH,
                    TinyModel.IN, TinyModel.HIDDEN, Activation.RELU);
            for (int i = 0; i < parameters.size(); i++) {
                SgdReference.step(parameters.get(i), null, grads.get(i), 0.5, 0, 0);
                float[] ours = model.parameters().get(i).value().download();
                for (int j = 0; j < ours.length; j++) {
                    assertEquals(parameters.get(i)[j], ours[j], 1e-5, model.parameters().get(i) + "[" + j + "]");
                }
            }
        }
    }

    /** {@link TrainingStep#run} is its three phases in order: the same bits either way. */
    @Test
    void thePhasesInOrderAreTheWholeStep() {
        float[] images = images(new Random(4));
        List<float[]> whole = trainTwice(images, Mode.TRAIN, 9L, 0L, true);
        List<float[]> phased = trainTwice(images, Mode.TRAIN, 9L, 0L, false);
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.get(i), phased.get(i), "parameter " + i);
        }
    }

    /** In TRAIN the dropout masks come from (seed, step) alone; without dropout the seed changes nothing. */
    @Test
    void dropoutMasksFollowTheSeedAndStepNumberOnly() {
        float[] images = images(new Random(5));
        List<float[]> first = trainTwice(images, Mode.TRAIN, 1L, 3L, true);
        assertParametersEqual(first, trainTwice(images, Mode.TRAIN, 1L, 3L, true), true);
        assertParametersEqual(first, trainTwice(images, Mode.TRAIN, 1L, 4L, true), false);
        assertParametersEqual(first, trainTwice(images, Mode.TRAIN, 2L, 3L, true), false);
        List<float[]> withoutDropout = trainTwice(images, Mode.TRAIN_WITHOUT_DROPOUT, 1L, 3L, true);
        assertParametersEqual(withoutDropout, trainTwice(images, Mode.TRAIN_WITHOUT_DROPOUT, 2L, 4L, true), true);
        assertParametersEqual(first, withoutDropout, false);
    }

    @Test
    void evaluationIsNotATrainingModeAndIsRefused() {
        try (TinyModel model = new TinyModel(device, BATCH, 0f);
             Sgd sgd = new Sgd(device, model.parameters(), 0.1f, 0f, 0f)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new TrainingStep(model, sgd, Mode.EVAL));
            assertEquals("A training step needs a training mode (TRAIN, or TRAIN_WITHOUT_DROPOUT to replay a recorded"
                    + " step), got EVAL; evaluate with Evaluator instead.", e.getMessage());
        }
    }

    /** netc bench times the loss and the update as rows of their own, the update named by the optimizer. */
    @Test
    void theProbeIsToldTheLossAndTheUpdateByTheOptimizersKind() {
        try (TinyModel model = new TinyModel(device, BATCH, 0f);
             Adam adam = new Adam(device, model.parameters(), 0.01f, 0f, false);
             TrainingStep step = new TrainingStep(model, adam, Mode.TRAIN)) {
            initialise(model, 1);
            step.labels().write(LABELS);
            List<String> told = new ArrayList<>();
            step.setProbe((phase, backward) -> told.add(phase + (backward ? " backward" : " forward")));
            step.run(BATCH, 0L, 0L);
            assertEquals(List.of("(loss) forward", "(adam) backward"), told);
            step.setProbe(null);
            step.run(BATCH, 0L, 1L);
            assertEquals(2, told.size(), "a removed probe is not told");
            assertEquals(2, adam.steps());
        }
    }

    /** Each optimizer, run through the step, fits a fixed batch: 30 steps at least halve the loss. */
    @Test
    void everyOptimizerLowersTheLossOfAFixedBatch() {
        float[] images = images(new Random(8));
        for (OptimizerSettings settings : List.of(Optimizers.sgd(0.3).momentum(0.9).nesterov(true),
                Optimizers.adam(0.05), Optimizers.adamW(0.05))) {
            try (TinyModel model = new TinyModel(device, BATCH, 0f);
                 Optimizer optimizer = settings.create(device, model.parameters());
                 TrainingStep step = new TrainingStep(model, optimizer, Mode.TRAIN)) {
                initialise(model, 2);
                model.input().upload(images);
                step.labels().write(LABELS);
                step.run(BATCH, 0L, 0L);
                float first = step.loss().loss();
                for (int i = 1; i < 30; i++) {
                    step.run(BATCH, 0L, i);
                }
                float last = step.loss().loss();
                assertTrue(last < first / 2, settings + ": loss " + first + " -> " + last);
            }
        }
    }

    /** Two steps from the same start on {@code images}, whole or phase by phase; the parameters after. */
    private static List<float[]> trainTwice(float[] images, Mode mode, long seed, long firstStep, boolean whole) {
        try (TinyModel model = new TinyModel(device, BATCH, 0.5f);
             Sgd sgd = new Sgd(device, model.parameters(), 0.2f, 0.9f, 0f);
             TrainingStep step = new TrainingStep(model, sgd, mode)) {
            initialise(model, 6);
            model.input().upload(images);
            step.labels().write(LABELS);
            for (long n = firstStep; n < firstStep + 2; n++) {
                if (whole) {
                    step.run(BATCH, seed, n);
                } else {
                    step.forward(BATCH, seed, n);
                    step.backward();
                    step.update();
                }
            }
            return model.parameters().stream().map(p -> p.value().download()).toList();
        }
    }

    private static void assertParametersEqual(List<float[]> a, List<float[]> b, boolean equal) {
        boolean same = true;
        for (int i = 0; i < a.size(); i++) {
            same &= Arrays.equals(a.get(i), b.get(i));
        }
        if (equal) {
            assertTrue(same, "the parameters differ");
        } else {
            assertFalse(same, "the parameters are the same");
        }
    }

    /** Seeded values in [-1, 1] for every parameter; returns them as doubles. */
    private static List<double[]> initialise(TinyModel model, long seed) {
        Random random = new Random(seed);
        List<double[]> values = new ArrayList<>();
        for (Parameter parameter : model.parameters()) {
            float[] v = new float[Math.toIntExact(parameter.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = 2 * random.nextFloat() - 1;
            }
            parameter.value().upload(v);
            values.add(toDouble(v));
        }
        return values;
    }

    private static float[] images(Random random) {
        float[] images = new float[BATCH * TinyModel.IN];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        return images;
    }

    private static double[] toDouble(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
