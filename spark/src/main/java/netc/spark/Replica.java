package netc.spark;

import java.util.List;
import netc.data.BatchLoader;
import netc.data.ImageDataset;
import netc.runtime.cl.Device;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Optimizer;
import netc.train.TrainingStep;

/**
 * One worker's copy of the model on its executor's OpenCL device, with its optimizer, its partition of
 * the training set and a batch loader over it. Built at the worker's first round and kept across rounds
 * (a model and its kernels cost far more to build than a round's state does to load).
 */
final class Replica implements AutoCloseable {
    private final ReplicaSpec spec;
    private final int partition;
    private final Device device;
    private final CompiledModel model;
    private final Optimizer optimizer;
    private final TrainingStep step;
    private final BatchLoader loader;
    private int loaderEpoch = -1;

    Replica(ReplicaSpec spec, int partition, List<LabelledExample> examples, ClassLoader classes) {
        this.spec = spec;
        this.partition = partition;
        ImageDataset data = PartitionData.of(spec.examples(), partition, examples);
        var factory = ModelClasses.factory(spec.modelClass(), classes);
        Device opened = spec.devices().open(spec.deviceSelector());
        CompiledModel built = null;
        Optimizer created = null;
        TrainingStep training = null;
        try {
            built = factory.create(opened, spec.batchSize());
            created = spec.optimizer().create(opened, built.parameters());
            training = new TrainingStep(built, created, Mode.TRAIN);
            this.loader = new BatchLoader(opened, data, spec.batchSize(), spec.input(), true,
                    spec.workerSeed(partition), spec.augmentation());
        } catch (RuntimeException | Error e) {
            closeAll(e, training, created, built, opened);
            throw e;
        }
        this.device = opened;
        this.model = built;
        this.optimizer = created;
        this.step = training;
    }

    /**
     * Trains the round's steps from {@code start}; returns the state after them, weighted by the examples
     * trained on. Always starts from {@code start} and the round's place in the epoch, so a task Spark
     * retries (here or on another executor) computes the same result.
     */
    RoundResult train(ReplicaState start, RoundPlan plan) {
        // Replicas in one JVM on the same device take turns: each step already uses every compute unit, and
        // two OpenCL contexts on one CPU would fight over its cores (measured under local[2] on PoCL: steps
        // 2-5x slower side by side than one after the other).
        synchronized (DeviceTurns.of(device)) {
            long begin = System.nanoTime();
            return trainInTurn(start, plan, begin);
        }
    }

    private RoundResult trainInTurn(ReplicaState start, RoundPlan plan, long begin) {
        int steps = Math.min(plan.steps(), loader.batchesPerEpoch() - plan.firstBatch());
        if (steps <= 0) {
            return RoundResult.none();
        }
        ModelState.write(start, model, optimizer);
        optimizer.setLearningRate(plan.learningRate());
        if (loaderEpoch != plan.epoch() || loader.nextBatch() != plan.firstBatch()) {
            loader.startEpoch(plan.epoch(), plan.firstBatch());
            loaderEpoch = plan.epoch();
        }
        long examples = 0;
        double lossSum = 0;
        long correct = 0;
        long seed = spec.workerSeed(partition);
        for (int i = 0; i < steps; i++) {
            int batch = plan.firstBatch() + i;
            int rows = loader.next(model.input(), step.labels());
            // Dropout masks keyed by the worker's seed and its global step number, as one process keys them.
            step.run(rows, seed, (long) plan.epoch() * loader.batchesPerEpoch() + batch);
            LossResult result = step.loss();
            examples += result.count();
            lossSum += (double) result.loss() * result.count();
            correct += result.correct();
        }
        ReplicaState after = ModelState.read(model, optimizer);
        return RoundResult.of(after, examples, lossSum, correct, System.nanoTime() - begin);
    }

    @Override
    public void close() {
        closeAll(null, loader, step, optimizer, model, device);
    }

    /** Closes each resource that exists, the device last; what fails is added to {@code failure}, if any. */
    private static void closeAll(Throwable failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
