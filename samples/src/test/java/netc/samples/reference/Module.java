package netc.samples.reference;

import java.util.List;

/**
 * One module of a reference {@link Sequential}, mirroring a PyTorch {@code nn.Module}: forward remembers
 * what backward needs, and backward adds the parameter gradients and returns the input's gradient.
 */
interface Module {
    Batch forward(Batch input);

    /** Called once after {@link #forward}, with the gradient of the loss with respect to its output. */
    Batch backward(Batch outputGradient);

    /** Trainable tensors, in PyTorch's state_dict order ({@code weight} before {@code bias}). */
    default List<ReferenceParameter> parameters() {
        return List.of();
    }
}
