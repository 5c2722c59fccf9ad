package netc.runtime.ops;

import java.util.Arrays;
import java.util.List;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;

/**
 * Concatenation along channels, PyTorch's {@code torch.cat(inputs, dim=1)}: inputs
 * {@code (N, c_i, H, W)} become one {@code (N, Σc_i, H, W)} output (Inception's branches, DenseNet's
 * growing stack); {@code spatial = H·W}, 1 for {@code (N, F)} features. Each example of input
 * {@code i} is one contiguous run of {@code c_i·H·W} floats copied into its channel slice; the backward
 * pass copies each slice of {@code dOutput} back out (overwriting the input gradients).
 */
public final class ChannelConcat implements AutoCloseable {
    private final int batch;
    private final int[] channels;
    private final int spatial;
    private final int outChannels;
    /** Per input, the channel its slice starts at. */
    private final int[] offsets;
    private final Kernel copy;

    public ChannelConcat(Device device, int batch, int[] channels, int spatial) {
        if (batch < 1 || spatial < 1 || channels == null || channels.length == 0
                || Arrays.stream(channels).anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("ChannelConcat: batch and spatial must be at least 1 and every input"
                    + " needs at least 1 channel, got batch " + batch + ", channels " + Arrays.toString(channels)
                    + ", spatial " + spatial + ".");
        }
        this.batch = batch;
        this.channels = channels.clone();
        this.spatial = spatial;
        long total = Arrays.stream(channels).asLongStream().sum();
        WorkItems.requireIntIndexable("ChannelConcat", total * spatial * batch);
        this.outChannels = (int) total;
        this.offsets = new int[channels.length];
        for (int i = 1; i < channels.length; i++) {
            offsets[i] = offsets[i - 1] + channels[i - 1];
        }
        this.copy = device.kernel("channel_slice.cl", "channel_slice_copy", Defines.of());
    }

    /** {@code Σ c_i}, the output's channels. */
    public int outChannels() {
        return outChannels;
    }

    /** Writes each input into its channel slice of {@code output}, in order. */
    public void forward(Tensor output, List<Tensor> inputs) {
        requireOnePerInput(inputs, "forward", "inputs");
        TensorChecks.requireCapacity(output, outputSize(), "ChannelConcat.forward", "output");
        for (int i = 0; i < channels.length; i++) {
            TensorChecks.requireCapacity(inputs.get(i), inputSize(i), "ChannelConcat.forward", "input " + i);
        }
        int pitch = outChannels * spatial;
        for (int i = 0; i < channels.length; i++) {
            int run = channels[i] * spatial;
            launch(output, offsets[i] * spatial, pitch, inputs.get(i), 0, run, run);
        }
    }

    /** Writes (overwrites) each input's gradient from its slice of {@code dOutput}; a null entry is skipped. */
    public void backward(List<Tensor> dInputs, Tensor dOutput) {
        requireOnePerInput(dInputs, "backward", "dInputs");
        TensorChecks.requireCapacity(dOutput, outputSize(), "ChannelConcat.backward", "dOutput");
        for (int i = 0; i < channels.length; i++) {
            if (dInputs.get(i) != null) {
                TensorChecks.requireCapacity(dInputs.get(i), inputSize(i), "ChannelConcat.backward", "dInput " + i);
            }
        }
        int pitch = outChannels * spatial;
        for (int i = 0; i < channels.length; i++) {
            if (dInputs.get(i) != null) {
                int run = channels[i] * spatial;
                launch(dInputs.get(i), 0, run, dOutput, offsets[i] * spatial, pitch, run);
            }
        }
    }

    private void launch(Tensor dst, int dstOffset, int dstPitch, Tensor src, int srcOffset, int srcPitch, int run) {
        long groups = (run + 15L) / 16;
        copy.launch(WorkItems.covering(groups * batch), null, dst, dstOffset, dstPitch, src, srcOffset, srcPitch,
                run, batch);
    }

    private long outputSize() {
        return (long) batch * outChannels * spatial;
    }

    private long inputSize(int i) {
        return (long) batch * channels[i] * spatial;
    }

    private void requireOnePerInput(List<Tensor> tensors, String pass, String role) {
        if (tensors == null || tensors.size() != channels.length) {
            throw new IllegalArgumentException("ChannelConcat." + pass + ": " + (tensors == null ? "no" : tensors.size())
                    + " " + role + " for a concatenation of " + channels.length + " inputs "
                    + Arrays.toString(channels) + "; pass one per input, in order.");
        }
    }

    @Override
    public void close() {
        // The kernel belongs to the device's program cache; nothing of its own to free.
    }
}
