package netc.runtime.ops;

import java.util.List;
import netc.runtime.cl.Tensor;

/**
 * Updates parameters from their gradients on the device ({@link Sgd}, {@link Adam}), keeping per-parameter
 * state that a checkpoint saves and restores: everything a resumed run needs to take bit-identical steps.
 */
public interface Optimizer extends AutoCloseable {
    /** What a checkpoint records it as ({@code sgd}, {@code adam}, {@code adamw}): state of another kind is refused. */
    String kind();

    /** Enqueues one update of every parameter from its gradient. */
    void step();

    float learningRate();

    /** Sets the learning rate for the following steps (a schedule changes it between epochs). */
    void setLearningRate(float learningRate);

    /** The steps taken since the state was zero: Adam's bias correction depends on it. */
    long steps();

    /** Sets {@link #steps()}, as when restoring a checkpoint. */
    void setSteps(long steps);

    /**
     * The state tensors, one entry per kind of state ({@code velocity}; {@code exp_avg} and {@code exp_avg_sq}),
     * each holding one tensor per parameter, in parameter order, of that parameter's shape.
     */
    List<State> state();

    @Override
    void close();

    /**
     * One kind of per-parameter state.
     *
     * @param suffix what a checkpoint appends to the parameter's name ({@code conv1.weight.velocity})
     * @param tensors one per parameter, in the optimizer's parameter order
     */
    record State(String suffix, List<Tensor> tensors) {
        public State {
            tensors = List.copyOf(tensors);
        }
    }
}
