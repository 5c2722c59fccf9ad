package netc.bench;

import java.util.List;

/**
 * What {@link ModelBenchmark} measured for one network at one batch size.
 *
 * @param trainImagesPerSecond examples per second of full training steps (forward, loss, backward, SGD)
 * @param forwardImagesPerSecond examples per second of evaluation-mode forward passes
 * @param trainLaunches kernels enqueued per training step
 * @param forwardLaunches kernels enqueued per forward pass
 * @param memory the device memory the model and the step hold: all buffers, the planned block of outputs and
 *        gradients, and the scratch block the ops share
 * @param layers per-layer times of one training step, in forward order, measured with a device wait
 *        after every layer (so their sum exceeds an unprobed step's time by the waits' cost)
 */
public record BenchmarkReport(String network, String device, int batchSize, int timedSteps,
                              double trainImagesPerSecond, double forwardImagesPerSecond, long trainLaunches,
                              long forwardLaunches, Memory memory, List<LayerTiming> layers) {

    /**
     * Device memory in bytes.
     *
     * @param buffers every buffer of the model and the benchmark's step, as allocated
     * @param planned the model's block of outputs and gradients, as the compiler planned it
     * @param scratch the block the ops share for what they use inside one call
     */
    public record Memory(long buffers, long planned, long scratch) {}
}
