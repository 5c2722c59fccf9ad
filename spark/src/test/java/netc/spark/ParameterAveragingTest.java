package netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netc.data.Augmentation;
import netc.data.BatchLoader;
import netc.data.ImageDataset;
import netc.runtime.cl.Device;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.ops.Optimizer;
import netc.samples.LeNetModel;
import netc.train.EpochTally;
import netc.train.LossGuard;
import netc.train.OptimizerSettings;
import netc.train.Optimizers;
import netc.train.TrainingStep;
import netc.train.XavierInit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mathematics of data-parallel training on Spark (local[2]): synchronous averaging after every step
 * is one step at the summed batch, and averaging every k steps (momentum averaged too) is what a plain
 * Java simulation of the algorithm computes.
 */
@ExtendWith(LocalSpark.class)
class ParameterAveragingTest {
    private static final long INIT_SEED = 11;



    /**
     * Plain SGD, k = 1, two workers of batch 4 whose partitions hold one batch each: every round (here one
     * per epoch) must equal one single-process step at batch 8 on the same 8 examples. Tolerance: the two
     * sum the batch's gradients in a different order (two GEMMs over 4 images, then a float average, against
     * one over 8), float32 rounding of relative size ~1e-6 per gradient; times lr 0.5 over 3 steps on
     * weights of size ~0.3 this stays below 1e-6 absolute; 1e-5 leaves a margin and still catches any
     * wrong weighting (a step missing or counted twice moves weights by ~1e-2).
     */
    @Test
    void synchronousRoundEqualsOneStepAtTheSummedBatch() {
        ImageDataset data = SparkFixture.randomImages(8, 1);
        OptimizerSettings sgd = Optimizers.sgd(0.5).momentum(0);
        List<float[]> start;
        List<float[]> distributed;
        try (CompiledModel model = LeNetModel.FACTORY.create(device(), 8);
             Optimizer optimizer = sgd.create(device(), model.parameters())) {
            XavierInit.apply(model.parameters(), INIT_SEED);
            start = SparkFixture.state(model, optimizer);
            ReplicaSpec spec = SparkFixture.lenetSpec(4, 1, sgd, data, 3, DeviceOpener.OPENCL);
            try (SparkEpochRunner runner = new SparkEpochRunner(spark(), spec,
                    SparkDatasets.partition(spark(), data, 2), model, optimizer, new LossGuard(0.5), TaskFaults.NONE,
                    System.out)) {
                assertEquals(1, runner.batchesPerEpoch(), "one round per epoch");
                for (int epoch = 0; epoch < 3; epoch++) {
                    EpochTally tally = runner.runEpoch(epoch, SparkFixture.quietProgress());
                    assertEquals(8, tally.examples());
                }
            }
            distributed = SparkFixture.state(model, optimizer);
        }
        List<float[]> single;
        try (CompiledModel model = LeNetModel.FACTORY.create(device(), 8);
             Optimizer optimizer = sgd.create(device(), model.parameters());
             TrainingStep step = new TrainingStep(model, optimizer, Mode.TRAIN);
             BatchLoader loader = new BatchLoader(device(), data, 8, SparkFixture.LENET_INPUT, false, 0,
                     Augmentation.NONE)) {
            XavierInit.apply(model.parameters(), INIT_SEED);
            for (int epoch = 0; epoch < 3; epoch++) {
                loader.startEpoch(epoch);
                int rows = loader.next(model.input(), step.labels());
                step.run(rows, 0, epoch);
            }
            single = SparkFixture.state(model, optimizer);
        }
        assertClose(single, distributed, 1e-5f);
        assertMoved(start, distributed);
    }

    /**
     * SGD with momentum 0.9, k = 2, two workers of batch 4 with 12 examples each (3 batches: a round of
     * 2 steps, then one of 1): parameters and velocities after two epochs must equal a plain-Java
     * simulation: per round, each worker's own model loads the round's start, takes its steps on its
     * partition in its own shuffled order, and the states are averaged in double. Tolerance: the same
     * float32 kernels run in both, only the averaging's rounding differs (float sums against double), so
     * 1e-6 absolute on values of size below 1.
     */
    @Test
    void localStepsThenAveragingMatchesASimulation() {
        ImageDataset data = SparkFixture.randomImages(24, 2);
        OptimizerSettings sgd = Optimizers.sgd(0.05).momentum(0.9);
        int workerBatch = 4;
        int syncEvery = 2;
        ReplicaSpec spec = SparkFixture.lenetSpec(workerBatch, syncEvery, sgd, data, 5, DeviceOpener.OPENCL);
        List<float[]> start;
        List<float[]> distributed;
        try (CompiledModel model = LeNetModel.FACTORY.create(device(), 8);
             Optimizer optimizer = sgd.create(device(), model.parameters())) {
            XavierInit.apply(model.parameters(), INIT_SEED);
            start = SparkFixture.state(model, optimizer);
            try (SparkEpochRunner runner = new SparkEpochRunner(spark(), spec,
                    SparkDatasets.partition(spark(), data, 2), model, optimizer, new LossGuard(0.05), TaskFaults.NONE,
                    System.out)) {
                assertEquals(2, runner.batchesPerEpoch(), "3 batches per worker in rounds of 2: 2 rounds");
                for (int epoch = 0; epoch < 2; epoch++) {
                    runner.runEpoch(epoch, SparkFixture.quietProgress());
                }
            }
            distributed = SparkFixture.state(model, optimizer);
        }
        List<ImageDataset> partitions = List.of(SparkFixture.slice(data, 0, 12), SparkFixture.slice(data, 12, 24));
        List<float[]> simulated = simulate(start, partitions, spec, 2);
        assertClose(simulated, distributed, 1e-6f);
        assertMoved(start, distributed);
    }

    /** Parameter averaging as docs/DISTRIBUTED.md states it, with netc's single-process step as the local step. */
    private static List<float[]> simulate(List<float[]> start, List<ImageDataset> partitions, ReplicaSpec spec,
                                          int epochs) {
        List<float[]> state = start;
        int batches = (partitions.get(0).size() + spec.batchSize() - 1) / spec.batchSize();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int first = 0; first < batches; first += spec.syncEvery()) {
                double[][] sum = null;
                long examples = 0;
                for (int p = 0; p < partitions.size(); p++) {
                    try (CompiledModel model = LeNetModel.FACTORY.create(device(), spec.batchSize());
                         Optimizer optimizer = spec.optimizer().create(device(), model.parameters());
                         TrainingStep step = new TrainingStep(model, optimizer, Mode.TRAIN);
                         BatchLoader loader = new BatchLoader(device(), partitions.get(p), spec.batchSize(),
                                 spec.input(), true, spec.workerSeed(p), Augmentation.NONE)) {
                        SparkFixture.setState(model, optimizer, state);
                        loader.startEpoch(epoch, first);
                        int trained = 0;
                        for (int batch = first; batch < Math.min(batches, first + spec.syncEvery()); batch++) {
                            int rows = loader.next(model.input(), step.labels());
                            step.run(rows, spec.workerSeed(p), (long) epoch * batches + batch);
                            trained += rows;
                        }
                        List<float[]> after = SparkFixture.state(model, optimizer);
                        if (sum == null) {
                            sum = new double[after.size()][];
                            for (int t = 0; t < after.size(); t++) {
                                sum[t] = new double[after.get(t).length];
                            }
                        }
                        for (int t = 0; t < after.size(); t++) {
                            for (int i = 0; i < after.get(t).length; i++) {
                                sum[t][i] += (double) after.get(t)[i] * trained;
                            }
                        }
                        examples += trained;
                    }
                }
                List<float[]> averaged = new ArrayList<>();
                for (double[] tensor : sum) {
                    float[] values = new float[tensor.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (tensor[i] / examples);
                    }
                    averaged.add(values);
                }
                state = averaged;
            }
        }
        return state;
    }

    static void assertClose(List<float[]> expected, List<float[]> actual, float tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int t = 0; t < expected.size(); t++) {
            float[] e = expected.get(t);
            float[] a = actual.get(t);
            assertEquals(e.length, a.length, "tensor " + t + " size");
            for (int i = 0; i < e.length; i++) {
                float difference = Math.abs(e[i] - a[i]);
                if (!(difference <= tolerance)) {
                    throw new AssertionError("tensor " + t + " element " + i + ": expected " + e[i] + ", got " + a[i]
                            + " (difference " + difference + " > " + tolerance + ")");
                }
            }
        }
    }

    /** Training must have moved the weights by far more than the tolerances, or equality above proves nothing. */
    private static void assertMoved(List<float[]> start, List<float[]> after) {
        float largest = 0;
        for (int t = 0; t < start.size(); t++) {
            for (int i = 0; i < start.get(t).length; i++) {
                largest = Math.max(largest, Math.abs(after.get(t)[i] - start.get(t)[i]));
            }
        }
        assertTrue(largest > 1e-3f, "training moved no weight by more than " + largest);
    }

    private static JavaSparkContext spark() {
        return LocalSpark.spark();
    }

    private static Device device() {
        return LocalSpark.device();
    }
}
