package netc.verify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.HostCounter;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;
import netc.runtime.ops.Sgd;
import netc.train.TrainingStep;

/**
 * One replay of a recorded training step on a model's current state: the {@link TrainingStep} that training
 * runs, in {@link Mode#TRAIN_WITHOUT_DROPOUT} (dropout is the identity, since two generators never draw the
 * same mask; batch norm normalises with the batch's statistics, as PyTorch recorded it), with plain SGD at the
 * recorded rate. What it computes is kept by the names the comparison uses.
 */
final class StepReplay {
    /** The ending of a buffer's value after the step: {@code bn1.running_var.after_step}. */
    static final String AFTER_STEP = ".after_step";
    static final String LOSS_AFTER_SGD = "loss_after_sgd";

    private StepReplay() {}

    /**
     * What one replay computed, in the order it computed it: each buffer before the step ({@code <buffer>}),
     * {@code logits}, {@code loss}, each {@code <param>.grad}, each parameter before ({@code <param>}) and after
     * ({@code <param>.after_sgd}) the update, each {@code <buffer>.after_step}, then {@code loss_after_sgd}; and
     * each counter after the step.
     */
    record Results(Map<String, float[]> tensors, Map<String, Long> counters) {
        float[] get(String name) {
            return tensors.get(name);
        }
    }

    static Results run(CompiledModel model, float[] input, int[] labels, float learningRate) {
        int batch = model.batchSize();
        Map<String, float[]> tensors = new LinkedHashMap<>();
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Sgd sgd = new Sgd(model.device(), model.parameters(), learningRate, 0f, 0f);
             TrainingStep step = new TrainingStep(model, sgd, Mode.TRAIN_WITHOUT_DROPOUT)) {
            model.input().upload(input);
            step.labels().write(labels);
            for (StateTensor buffer : model.buffers()) {
                tensors.put(buffer.name(), buffer.value().download());
            }

            step.forward(batch, 0L, 0L);
            tensors.put("logits", model.logits().download());
            tensors.put("loss", new float[] {step.loss().loss()});

            step.backward();
            List<Parameter> parameters = model.parameters();
            for (Parameter parameter : parameters) {
                tensors.put(parameter.name() + ".grad", parameter.grad().download());
            }
            for (Parameter parameter : parameters) {
                tensors.put(parameter.name(), parameter.value().download());
            }
            step.update();
            for (Parameter parameter : parameters) {
                tensors.put(parameter.name() + ".after_sgd", parameter.value().download());
            }
            // The running statistics as the step's forward pass left them, and its count of batches.
            for (StateTensor buffer : model.buffers()) {
                tensors.put(buffer.name() + AFTER_STEP, buffer.value().download());
            }
            for (HostCounter counter : model.counters()) {
                counters.put(counter.name() + AFTER_STEP, counter.get());
            }
            tensors.put(LOSS_AFTER_SGD, new float[] {lossAfterUpdate(step, batch)});
        }
        return new Results(tensors, counters);
    }

    /**
     * The loss of the updated parameters on the same batch, in the mode of the step (dropout off, batch norm on
     * the batch's statistics), as PyTorch records {@code loss_after_sgd}. The running statistics it moves on
     * were read before.
     */
    private static float lossAfterUpdate(TrainingStep step, int batch) {
        step.forward(batch, 0L, 1L);
        return step.loss().loss();
    }
}
