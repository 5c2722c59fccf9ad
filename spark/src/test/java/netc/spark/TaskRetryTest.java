package netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import netc.data.ImageDataset;
import netc.runtime.cl.Device;
import netc.runtime.model.CompiledModel;
import netc.runtime.ops.Optimizer;
import netc.samples.LeNetModel;
import netc.train.LossGuard;
import netc.train.OptimizerSettings;
import netc.train.Optimizers;
import netc.train.XavierInit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker's task that fails mid-training is retried by Spark, and the retry computes the same round:
 * it rebuilds the replica, loads the round's broadcast state and seeks to the round's batch.
 */
@ExtendWith(LocalSpark.class)
class TaskRetryTest {
    /** Counts injected failures; a static, since the task runs on a deserialized copy of the fault hook. */
    static final AtomicInteger FAILURES = new AtomicInteger();




    @Test
    void aFailedTaskIsRetriedAndTrainingGoesOnAsIfItHadNotFailed() {
        ImageDataset data = SparkFixture.randomImages(32, 3);
        List<float[]> undisturbed = train(data, TaskFaults.NONE);
        TaskFaults failSecondRound = (round, partition, attempt) -> {
            if (round == 1 && partition == 0 && attempt == 0) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("executor lost (injected by the test)");
            }
        };
        List<float[]> retried = train(data, failSecondRound);
        assertEquals(1, FAILURES.get(), "the fault fired once, and its retry went through");
        // The same kernels on the same inputs in the same order: bit-identical, not merely close.
        ParameterAveragingTest.assertClose(undisturbed, retried, 0f);
    }

    private static List<float[]> train(ImageDataset data, TaskFaults faults) {
        OptimizerSettings sgd = Optimizers.sgd(0.1).momentum(0.9);
        ReplicaSpec spec = SparkFixture.lenetSpec(4, 2, sgd, data, 9, DeviceOpener.OPENCL);
        try (CompiledModel model = LeNetModel.FACTORY.create(device(), 8);
             Optimizer optimizer = sgd.create(device(), model.parameters())) {
            XavierInit.apply(model.parameters(), 4);
            try (SparkEpochRunner runner = new SparkEpochRunner(spark(), spec,
                    SparkDatasets.partition(spark(), data, 2), model, optimizer, new LossGuard(0.1), faults,
                    System.out)) {
                assertEquals(2, runner.batchesPerEpoch());
                runner.runEpoch(0, SparkFixture.quietProgress());
            }
            return SparkFixture.state(model, optimizer);
        }
    }

    private static JavaSparkContext spark() {
        return LocalSpark.spark();
    }

    private static Device device() {
        return LocalSpark.device();
    }
}
