package netc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.ops.SoftmaxCrossEntropy;
import netc.train.XavierInit;
import org.junit.jupiter.api.Test;

/**
 * The generated backward pass of a graph against central differences of the generated forward pass's
 * loss, for sampled elements of every parameter of {@link GraphGradientNet} (batch 3, training mode,
 * dropout masks fixed by the random state). A consumer whose gradient contribution were lost, doubled or
 * written into another's tensor would be off by the size of the gradient itself.
 */
class GraphGradientTest {
    private static final int BATCH = 3;
    private static final int CLASSES = 5;
    /** Central-difference step on parameters of order 0.1–1: large enough that float32 loss rounding (~2e-7) stays small. */
    private static final float STEP = 1e-2f;
    /**
     * Allowed |backward − numeric|: 1e-4 absolute (float32 loss rounding over the step, 2·2.4e-7 / 2e-2 ≈ 2.4e-5,
     * four times over) plus 3% of the numeric value (the O(h²) truncation of tanh/sigmoid/BatchNorm at h = 1e-2).
     * Measured (PoCL, CPU): the worst of 132 sampled elements used 0.26 of its allowance; with the scratch
     * accumulation of a tensor's later consumers replaced by a copy, the worst used 275.
     */
    private static final double ABSOLUTE = 1e-4;
    private static final double RELATIVE = 3e-2;

    @Test
    void backwardMatchesCentralDifferencesOfTheLoss() {
        Random random = new Random(11);
        try (Device device = Device.open();
             CompiledModel model = GraphGradientNetModel.FACTORY.create(device, BATCH);
             Buffer labels = Buffer.allocate(device, BATCH);
             Tensor dLogits = new Tensor(device, BATCH, CLASSES);
             SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(device, BATCH, CLASSES)) {
            XavierInit.apply(model.parameters(), 5L);
            float[] input = new float[BATCH * 2 * 8 * 8];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextFloat();
            }
            model.input().upload(input);
            labels.write(new int[] {1, 4, 2});
            model.setRandomState(3L, 0L);

            loss(model, loss, dLogits, labels);
            model.backward(dLogits);
            List<float[]> gradients = model.parameters().stream().map(p -> p.grad().download()).toList();

            List<String> failures = new ArrayList<>();
            int checked = 0;
            double worst = 0;
            for (int p = 0; p < model.parameters().size(); p++) {
                Parameter parameter = model.parameters().get(p);
                float[] values = parameter.value().download();
                for (int sample = 0; sample < 3; sample++) {
                    int i = random.nextInt(values.length);
                    float original = values[i];
                    values[i] = original + STEP;
                    parameter.value().upload(values);
                    double up = loss(model, loss, dLogits, labels);
                    values[i] = original - STEP;
                    parameter.value().upload(values);
                    double down = loss(model, loss, dLogits, labels);
                    values[i] = original;
                    parameter.value().upload(values);
                    double numeric = (up - down) / ((double) (original + STEP) - (double) (original - STEP));
                    double analytic = gradients.get(p)[i];
                    double error = Math.abs(analytic - numeric);
                    worst = Math.max(worst, error / (ABSOLUTE + RELATIVE * Math.abs(numeric)));
                    checked++;
                    if (error > ABSOLUTE + RELATIVE * Math.abs(numeric)) {
                        failures.add(parameter.name() + "[" + i + "]: backward " + analytic + ", numeric " + numeric);
                    }
                }
            }
            System.out.printf("GraphGradientNet: %d elements, worst error %.2f of the allowance%n", checked, worst);
            assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " elements off, e.g. "
                    + failures.subList(0, Math.min(5, failures.size())));
            assertTrue(checked >= 3 * 20, "every parameter tensor sampled");
        }
    }

    /** The mean loss of a training-mode forward pass, leaving its gradient in {@code dLogits}. */
    private static double loss(CompiledModel model, SoftmaxCrossEntropy loss, Tensor dLogits, Buffer labels) {
        model.setActiveRows(BATCH);
        model.forward(Mode.TRAIN);
        loss.forward(dLogits, model.logits(), labels, BATCH);
        return loss.read().loss();
    }
}
