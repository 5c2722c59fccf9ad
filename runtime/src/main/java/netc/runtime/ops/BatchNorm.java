package netc.runtime.ops;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.DeviceMemory;
import netc.runtime.model.HostCounter;
import netc.runtime.model.HostState;
import netc.runtime.model.Mode;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;

/**
 * Batch normalisation per channel, PyTorch's {@code BatchNorm2d} on {@code (N, C, H, W)} input
 * ({@code spatial = H·W}) and {@code BatchNorm1d} on {@code (N, F)} input ({@code spatial = 1}), with
 * PyTorch's defaults {@code eps = 1e-5}, {@code momentum = 0.1}, affine, tracking running statistics:
 * <pre>
 *   TRAIN: y = gamma·(x − mean)/sqrt(var + eps) + beta, mean and biased var over the n = rows·spatial
 *          values of each channel; running_mean = (1 − m)·running_mean + m·mean,
 *          running_var = (1 − m)·running_var + m·var·n/(n − 1); num_batches_tracked += 1
 *   EVAL:  y = gamma·(x − running_mean)/sqrt(running_var + eps) + beta
 * </pre>
 * Only the first {@code rows} examples of the batch are real (the last batch of an epoch is padded):
 * the statistics and the gradients come from them alone, padded examples get a normalised (ignored)
 * output and an input gradient of exactly zero.
 *
 * <p>Parameters {@code name.weight} (gamma, {@link Parameter.Kind#SCALE}) and {@code name.bias} (beta),
 * both {@code [C]}; state {@code name.running_mean} (starts at 0) and {@code name.running_var} (at 1),
 * both {@code [C]}, and the host-side count {@code name.num_batches_tracked} ({@link #numBatchesTracked()},
 * PyTorch's I64 scalar), which the owning model lists among its {@link HostState} counters.
 *
 * <p>The forward pass keeps each channel's mean and {@code 1/sqrt(var + eps)}; the backward pass
 * recomputes {@code x̂} from the input, which must therefore be unchanged in between.
 *
 * <p>Built with an {@link Activation}, it applies the activation layer that follows it in the same
 * launch ({@code act(y)}, written over the output), and its backward takes the activated output's
 * gradient and the activated output, forming {@code dy = dOutput · act'(output)} inside its own two
 * passes: the activation layer's launches and its pass over the tensor disappear, with the same float
 * operations as the two ops run apart.
 */
public final class BatchNorm implements AutoCloseable, HostState {
    /** PyTorch's default {@code eps}, added to the variance. */
    public static final float EPSILON = 1e-5f;
    /** PyTorch's default {@code momentum}, the running statistics' step towards the batch's. */
    public static final float MOMENTUM = 0.1f;

    private final BatchNormShape shape;
    private final Kernel planeMoments;
    private final Kernel channelStatistics;
    private final Kernel runningStatistics;
    private final Kernel normalize;
    private final Kernel planeGradientSums;
    private final Kernel parameterGradients;
    private final Kernel inputGradient;
    private final Parameter weight;
    private final Parameter bias;
    private final StateTensor runningMean;
    private final StateTensor runningVar;
    /** Per channel, the mean at [c] and 1/sqrt(var + eps) at [C + c] the last forward normalised with. */
    private final Buffer statistics;
    /** Per-plane sums of the reductions, [2][C][batch] (see batchnorm_planes.cl). */
    private final Buffer partial;
    private final HostCounter numBatchesTracked;
    private final Activation activation;
    /** The real examples of the last forward pass if it trained; 0 if it evaluated or none ran. */
    private int trainedRows;
    private boolean forwardRun;

    public BatchNorm(Device device, String name, int batch, int channels, int spatial) {
        this(device, name, batch, channels, spatial, Activation.NONE);
    }

    /** A batch norm whose output goes through {@code activation} in its own calls (see the class comment). */
    public BatchNorm(Device device, String name, int batch, int channels, int spatial, Activation activation) {
        this.shape = new BatchNormShape("BatchNorm '" + name + "'", batch, channels, spatial);
        this.numBatchesTracked = new HostCounter(name + ".num_batches_tracked");
        this.activation = activation;
        Defines defines = ActivationDefine.set(shape.defines(EPSILON, MOMENTUM), activation);
        this.planeMoments = device.kernel("batchnorm_statistics.cl", "batchnorm_plane_moments", defines);
        this.channelStatistics = device.kernel("batchnorm_statistics.cl", "batchnorm_channel_statistics", defines);
        this.runningStatistics = device.kernel("batchnorm_statistics.cl", "batchnorm_running_statistics", defines);
        this.normalize = device.kernel("batchnorm_normalize.cl", "batchnorm_normalize", defines);
        this.planeGradientSums = device.kernel("batchnorm_gradient.cl", "batchnorm_plane_gradient_sums", defines);
        this.parameterGradients = device.kernel("batchnorm_gradient.cl", "batchnorm_parameter_gradients", defines);
        this.inputGradient = device.kernel("batchnorm_gradient.cl", "batchnorm_input_gradient", defines);
        // Device memory last, so that a kernel that fails to build leaves nothing allocated.
        int[] perChannel = {channels};
        this.weight = new Parameter(device, name + ".weight", Parameter.Kind.SCALE, perChannel, channels, channels);
        this.bias = new Parameter(device, name + ".bias", Parameter.Kind.BIAS, perChannel, channels, channels);
        this.runningMean = new StateTensor(device, name + ".running_mean", perChannel, 0f);
        this.runningVar = new StateTensor(device, name + ".running_var", perChannel, 1f);
        this.statistics = Buffer.allocate(device, 2L * channels);
        this.partial = Buffer.allocate(device, 2L * channels * batch);
    }

    /**
     * What the constructor allocates for {@code batch} and {@code channels}: gamma and beta (their gradients
     * come with the first backward: {@link Parameter}), the two running statistics, the per-channel statistics and the per-plane sums.
     */
    public static DeviceMemory deviceMemory(int batch, int channels) {
        return DeviceMemory.floats(channels).times(4) // gamma, beta, running mean and variance
                .plus(DeviceMemory.floats(2L * channels))
                .plus(DeviceMemory.floats(2L * channels * batch));
    }

    /** weight (gamma), then bias (beta). */
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** running_mean, then running_var. */
    public List<StateTensor> state() {
        return List.of(runningMean, runningVar);
    }

    public StateTensor runningMean() {
        return runningMean;
    }

    public StateTensor runningVar() {
        return runningVar;
    }

    /** PyTorch's {@code num_batches_tracked}: the training forward passes so far. */
    public long numBatchesTracked() {
        return numBatchesTracked.get();
    }

    /** Sets the count, as when loading a checkpoint. */
    public void setNumBatchesTracked(long count) {
        numBatchesTracked.set(count);
    }

    /** {@code num_batches_tracked}, the one count this op keeps on the host. */
    @Override
    public List<HostCounter> counters() {
        return List.of(numBatchesTracked);
    }

    /**
     * Writes {@code output} (all {@code batch} examples) from {@code input}; in a mode that
     * {@link Mode#usesBatchStatistics() uses batch statistics} ({@link Mode#TRAIN}) the statistics of the
     * first {@code rows} examples normalise and update the running ones. A fused activation is applied last.
     */
    public void forward(Tensor output, Tensor input, Mode mode, int rows) {
        shape.requireRows(rows, mode);
        WorkItems.requireCapacity(output, shape.size(), shape.label() + ".forward", "output");
        WorkItems.requireCapacity(input, shape.size(), shape.label() + ".forward", "input");
        long[] perChannel = WorkItems.covering(shape.channels());
        if (mode.usesBatchStatistics()) {
            planeMoments.launch(WorkItems.covering((long) rows * shape.channels()), null, partial, input, rows);
            channelStatistics.launch(perChannel, null, statistics, runningMean.value(), runningVar.value(), partial, rows);
            numBatchesTracked.increment();
            trainedRows = rows;
        } else {
            runningStatistics.launch(perChannel, null, statistics, runningMean.value(), runningVar.value());
            trainedRows = 0;
        }
        forwardRun = true;
        normalize.launch(WorkItems.covering(shape.vectors()), null, output, input, statistics, weight.value(),
                bias.value());
    }

    /**
     * After a {@link Mode#TRAIN} forward pass on {@code input}: overwrites gamma's and beta's gradients
     * and {@code dInput} (zero for the padded examples). {@code dInput} may be {@code dOutput}. For a batch
     * norm without an activation.
     */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input) {
        if (activation != Activation.NONE) {
            throw new IllegalStateException(shape.label() + " applies " + activation + " after it, so its backward"
                    + " needs the activated output for the derivative; call backward(dInput, dOutput, input, output).");
        }
        backward(dInput, dOutput, input, dOutput); // without an activation the output is never read
    }

    /**
     * As {@link #backward(Tensor, Tensor, Tensor)}, with {@code dOutput} the gradient of the activated
     * output and {@code output} that output, as the forward pass wrote it.
     */
    public void backward(Tensor dInput, Tensor dOutput, Tensor input, Tensor output) {
        if (trainedRows == 0) {
            throw new IllegalStateException(shape.label() + ".backward needs the batch statistics of a TRAIN forward"
                    + " pass, but " + (forwardRun ? "the last forward pass evaluated" : "no forward pass ran")
                    + "; call forward(..., Mode.TRAIN, rows) first.");
        }
        WorkItems.requireCapacity(dInput, shape.size(), shape.label() + ".backward", "dInput");
        WorkItems.requireCapacity(dOutput, shape.size(), shape.label() + ".backward", "dOutput");
        WorkItems.requireCapacity(input, shape.size(), shape.label() + ".backward", "input");
        WorkItems.requireCapacity(output, shape.size(), shape.label() + ".backward", "output");
        int rows = trainedRows;
        planeGradientSums.launch(WorkItems.covering((long) rows * shape.channels()), null, partial, dOutput, output,
                input, statistics, rows);
        parameterGradients.launch(WorkItems.covering(shape.channels()), null, weight.grad(), bias.grad(), partial,
                statistics, rows);
        inputGradient.launch(WorkItems.covering(shape.vectors()), null, dInput, dOutput, output, input, statistics,
                weight.value(), weight.grad(), bias.grad(), rows);
    }

    @Override
    public void close() {
        try (weight; bias; runningMean; runningVar; statistics; partial) {
            // try-with-resources closes all six, even if one fails
        }
    }
}
