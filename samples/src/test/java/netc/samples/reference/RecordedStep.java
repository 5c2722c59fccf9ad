package netc.samples.reference;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsWriter;
import netc.runtime.reference.SgdReference;

/**
 * One plain-SGD training step of a reference network on one batch, with everything the PyTorch
 * fixtures record (see {@code fixtures/README.md}): the parameters before the step, logits,
 * mean loss, each parameter's gradient and value after the step, and the loss after it. Values are
 * computed in double and rounded to float32 only where a float32 tensor is stored, and the step itself
 * runs on float32 parameters, as PyTorch's does.
 */
final class RecordedStep {
    private final float[] input;
    private final int[] inputShape;
    private final long[] labels;
    private final float learningRate;
    private final Map<String, float[]> before = new LinkedHashMap<>();
    private final Map<String, float[]> gradients = new LinkedHashMap<>();
    private final Map<String, float[]> after = new LinkedHashMap<>();
    private final Map<String, int[]> shapes = new LinkedHashMap<>();
    private Batch logits;
    private double loss;
    private double lossAfterStep;

    private RecordedStep(float[] input, int[] inputShape, long[] labels, float learningRate) {
        this.input = input.clone();
        this.inputShape = inputShape.clone();
        this.labels = labels.clone();
        this.learningRate = learningRate;
    }

    /** Runs the step; afterwards {@code network}'s parameters hold their values after it. */
    static RecordedStep run(Sequential network, float[] input, int[] inputShape, long[] labels, float learningRate) {
        RecordedStep step = new RecordedStep(input, inputShape, labels, learningRate);
        step.record(network);
        return step;
    }

    private void record(Sequential network) {
        Map<String, ReferenceParameter> parameters = network.namedParameters();
        parameters.forEach((name, p) -> {
            before.put(name, p.value().clone());
            shapes.put(name, p.shape());
            Arrays.fill(p.grad(), 0);
        });
        Batch batch = new Batch(toDoubles(input), inputShape);
        logits = network.forward(batch);
        loss = SoftmaxCrossEntropy.loss(logits, labels);
        network.backward(SoftmaxCrossEntropy.gradient(logits, labels));
        parameters.forEach((name, p) -> {
            double[] updated = p.valueAsDoubles();
            SgdReference.step(updated, null, p.grad(), learningRate, 0, 0);
            float[] value = p.value();
            float[] gradient = new float[p.grad().length];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (float) p.grad()[i];
                value[i] = (float) updated[i];
            }
            gradients.put(name, gradient);
            after.put(name, value.clone());
        });
        lossAfterStep = SoftmaxCrossEntropy.loss(network.forward(batch), labels);
    }

    Batch logits() {
        return logits;
    }

    double loss() {
        return loss;
    }

    double lossAfterStep() {
        return lossAfterStep;
    }

    /** Gradients by state_dict name, rounded to float32. */
    Map<String, float[]> gradients() {
        return gradients;
    }

    /** Parameters after the step by state_dict name. */
    Map<String, float[]> afterStep() {
        return after;
    }

    /** Writes the step in the fixtures' layout and order, tensor names and metadata. */
    void writeTo(Path file, String networkName) {
        SafetensorsWriter writer = new SafetensorsWriter()
                .metadata("producer", "netc test: plain-Java double-precision reference")
                .metadata("net", networkName)
                .metadata("batch", Integer.toString(inputShape[0]))
                .metadata("lr", Float.toString(learningRate))
                .metadata("dropout", "identity (eval semantics)")
                .metadata("loss_fn", "mean softmax cross-entropy")
                .metadata("loss_after_sgd", Double.toString(lossAfterStep));
        before.forEach((name, values) -> writer.add(name, floats(values, shapes.get(name))));
        writer.add("input", floats(input, inputShape));
        writer.add("labels", HostTensor.ofLongs(labels, labels.length));
        writer.add("logits", floats(toFloats(logits.values()), logits.shape()));
        writer.add("loss", HostTensor.ofFloats(new float[] {(float) loss}));
        gradients.forEach((name, values) -> writer.add(name + ".grad", floats(values, shapes.get(name))));
        after.forEach((name, values) -> writer.add(name + ".after_sgd", floats(values, shapes.get(name))));
        writer.writeTo(file);
    }

    private static HostTensor floats(float[] values, int[] shape) {
        return HostTensor.ofFloats(values, HostTensor.shapeOf(shape));
    }

    static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
