package netc.bench;

import java.util.List;

/**
 * What {@link ModelBenchmark} measured for one network at one batch size.
 *
 * @param trainImagesPerSecond examples per second of full training steps (forward, loss, backward, SGD)
 * @param forwardImagesPerSecond examples per second of evaluation-mode forward passes
 * @param trainLaunches kernels enqueued per training step
 * @param forwardLaunches kernels enqueued per forward pass
 * @param layers per-layer times of one training step, in forward order, measured with a device wait
 *        after every layer (so their sum exceeds an unprobed step's time by the waits' cost)
 */
public record BenchmarkReport(String network, String device, int batchSize, int timedSteps,
                              double trainImagesPerSecond, double forwardImagesPerSecond, long trainLaunches,
                              long forwardLaunches, List<LayerTiming> layers) {}
