package netc.bench;

import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.DeviceMemoryCheck;
import netc.runtime.model.MemoryEstimate;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.Sgd;
import netc.train.TrainingStep;
import netc.train.XavierInit;

/**
 * Times a compiled network on random data: training steps and forward passes per second, then one
 * layer at a time. Warm-up steps come first so that kernel builds and first-touch allocations are
 * not timed.
 */
public final class ModelBenchmark {
    public static final String LOSS_ROW = TrainingStep.LOSS_PHASE;
    /** The update's row: the benchmark times SGD, the step's probe names it by the optimizer's kind. */
    public static final String OPTIMIZER_ROW = "(" + Sgd.KIND + ")";

    /** How many untimed and timed steps to run. */
    public record Settings(int warmupSteps, int timedSteps) {
        public Settings {
            if (warmupSteps < 0 || timedSteps < 1) {
                throw new IllegalArgumentException("a benchmark needs warm-up steps >= 0 and timed steps >= 1, got "
                        + warmupSteps + " and " + timedSteps);
            }
        }

        public static Settings defaults() {
            return new Settings(2, 5);
        }
    }

    private ModelBenchmark() {}

    public static BenchmarkReport run(Device device, ModelFactory factory, NetworkInfo info, int batchSize,
                                      Settings settings) {
        // Checked before any allocation: past the device's memory a driver may abort the process.
        try (CompiledModel model = DeviceMemoryCheck.build(factory, info, device, batchSize,
                batch -> MemoryEstimate.benchmark(info, batch));
             Step step = new Step(model)) {
            XavierInit.apply(model.parameters(), 1L);
            step.fillRandom(new Random(1L));

            for (int i = 0; i < settings.warmupSteps(); i++) {
                step.train();
                step.forward();
            }
            long launchesBefore = device.launches();
            double trainSeconds = timed(device, settings.timedSteps(), step::train);
            long launchesBetween = device.launches();
            double forwardSeconds = timed(device, settings.timedSteps(), step::forward);
            long trainLaunches = (launchesBetween - launchesBefore) / settings.timedSteps();
            long forwardLaunches = (device.launches() - launchesBetween) / settings.timedSteps();

            LayerTimer timer = new LayerTimer(device::finish, System::nanoTime);
            model.setProbe(timer);
            try {
                for (int i = 0; i < settings.timedSteps(); i++) {
                    step.trainProbed(timer);
                }
            } finally {
                model.setProbe(null);
            }
            // After the steps, which allocated the parameters' gradients with the first backward.
            BenchmarkReport.Memory memory = new BenchmarkReport.Memory(device.allocatedBytes(),
                    4L * batchSize * info.memory().floatsPerExample(),
                    MemoryEstimate.model(info, batchSize).scratchBytes());
            double images = (double) batchSize * settings.timedSteps();
            return new BenchmarkReport(info.name(), device.toString(), batchSize, settings.timedSteps(),
                    images / trainSeconds, images / forwardSeconds, trainLaunches, forwardLaunches, memory,
                    timer.timings(settings.timedSteps()));
        }
    }

    private static double timed(Device device, int steps, Runnable work) {
        device.finish();
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            work.run();
        }
        device.finish();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The training step on a fixed random batch, with the optimizer it updates through. */
    private static final class Step implements AutoCloseable {
        private final CompiledModel model;
        private final Sgd optimizer;
        private final TrainingStep step;
        private long stepNumber;

        Step(CompiledModel model) {
            this.model = model;
            // A small rate keeps the weights finite over many steps on random labels; the work is the same.
            this.optimizer = new Sgd(model.device(), model.parameters(), 1e-3f, 0f, 0f);
            this.step = new TrainingStep(model, optimizer, Mode.TRAIN);
        }

        /** Pixels a chunk at a time (4 MB): AlexNet's batch whole would be a 12.8 MB array that stays in the heap. */
        void fillRandom(Random random) {
            long size = model.input().size();
            float[] pixels = new float[(int) Math.min(size, 1 << 20)];
            for (long from = 0; from < size; from += pixels.length) {
                int count = (int) Math.min(pixels.length, size - from);
                for (int i = 0; i < count; i++) {
                    pixels[i] = random.nextFloat();
                }
                model.input().buffer().write(pixels, 0, from, count);
            }
            int[] classes = new int[model.batchSize()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = random.nextInt(model.info().outputs());
            }
            step.labels().write(classes);
        }

        void train() {
            step.run(model.batchSize(), 1L, stepNumber++);
        }

        void forward() {
            model.forward(Mode.EVAL);
        }

        void trainProbed(LayerTimer timer) {
            step.setProbe(timer);
            try {
                timer.mark();
                train();
            } finally {
                step.setProbe(null);
            }
        }

        @Override
        public void close() {
            try (optimizer; step) {
                // closed in reverse order by try-with-resources
            }
        }
    }
}
