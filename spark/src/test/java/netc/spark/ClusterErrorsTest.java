package netc.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import netc.data.ImageDataset;
import netc.data.TrainingData;
import netc.runtime.cl.Device;
import netc.runtime.cl.OpenClUnavailableException;
import netc.runtime.model.CompiledModel;
import netc.runtime.ops.Optimizer;
import netc.samples.LeNetModel;
import netc.train.LossGuard;
import netc.train.OptimizerSettings;
import netc.train.Optimizers;
import netc.train.TrainingOptions;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bad cluster input: each gets one sentence saying what is wrong and the fix, before any training. */
@ExtendWith(LocalSpark.class)
class ClusterErrorsTest {
    private static final OptimizerSettings SGD = Optimizers.sgd(0.1);



    @Test
    void aMasterThatDoesNotAnswerIsNamedWithinSeconds() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "spark://127.0.0.1:" + closedPort;
        ImageDataset data = SparkFixture.randomImages(8, 1);
        long start = System.nanoTime();
        SparkTrainingException e = assertThrows(SparkTrainingException.class, () -> SparkTraining.fit(LeNetModel.class,
                LeNetModel.INFO, TrainingOptions.builder().batchSize(8).build(), TrainingData.of(data, data),
                new SparkOptions(url, 2, 1), System.out));
        assertTrue(e.getMessage().startsWith("The Spark master " + url + " does not answer: 127.0.0.1:" + closedPort),
                e.getMessage());
        assertTrue(e.getMessage().contains("sbin/start-master.sh"), e.getMessage());
        // Not a timing assertion on speed: a refused connection must not wait for Spark's minute of retries.
        assertTrue(System.nanoTime() - start < 30_000_000_000L);
    }

    @Test
    void aMasterUrlOfNoKnownFormIsRefusedWithTheForms() {
        SparkTrainingException e = assertThrows(SparkTrainingException.class, () -> SparkMaster.parse("local[two]"));
        assertEquals("'local[two]' is not a Spark master URL; write one of local, local[N], local[*],"
                + " local[N,MAX_FAILURES], spark://HOST:PORT, yarn or k8s://https://HOST:PORT.", e.getMessage());
        SparkTrainingException port = assertThrows(SparkTrainingException.class,
                () -> SparkMaster.parse("spark://master").requireReachable());
        assertTrue(port.getMessage().contains("without a port"), port.getMessage());
        assertEquals(4, SparkMaster.parse("local[4,3]").localThreads());
        assertEquals(1, SparkMaster.parse("local").localThreads());
    }

    @Test
    void aNetworkMissingFromTheJobsJarIsNamedPerExecutor() {
        ImageDataset data = SparkFixture.randomImages(8, 1);
        ReplicaSpec spec = SparkFixture.lenetSpec("com.example.MissingNetModel", 4, 1, SGD, data, 1,
                DeviceOpener.OPENCL);
        SparkTrainingException e = assertThrows(SparkTrainingException.class, () -> runner(spec, data).close());
        assertTrue(e.getMessage().startsWith("Spark's executors cannot train: executor driver on "), e.getMessage());
        assertTrue(e.getMessage().contains("the network's model class com.example.MissingNetModel is not on this"
                + " executor's class path: put the compiled network (and the MissingNetModel netc generated beside"
                + " it) in the jar you pass to spark-submit"), e.getMessage());
    }

    @Test
    void anExecutorWithoutOpenClIsNamed() {
        ImageDataset data = SparkFixture.randomImages(8, 1);
        // What Device.open throws where the ICD loader finds no platform (as on a worker without a driver).
        DeviceOpener noPlatform = selector -> {
            throw new OpenClUnavailableException("No OpenCL platform was found (clGetPlatformIDs returned"
                    + " CL_PLATFORM_NOT_FOUND_KHR).", null);
        };
        ReplicaSpec spec = SparkFixture.lenetSpec(4, 1, SGD, data, 1, noPlatform);
        SparkTrainingException e = assertThrows(SparkTrainingException.class, () -> runner(spec, data).close());
        assertTrue(e.getMessage().contains(": no OpenCL device: No OpenCL platform was found"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install pocl-opencl-icd"), e.getMessage());
    }

    @Test
    void moreWorkersThanExamplesIsRefused() {
        ImageDataset data = SparkFixture.randomImages(2, 1);
        ReplicaSpec spec = SparkFixture.lenetSpec(1, 1, SGD, data, 1, DeviceOpener.OPENCL);
        SparkTrainingException e = assertThrows(SparkTrainingException.class,
                () -> runner(spec, data, 3).close());
        // Spark slices 2 examples over 3 partitions as [], [0], [1].
        assertTrue(e.getMessage().contains("partition 0 holds no examples: train with fewer workers"), e.getMessage());
    }

    @Test
    void aBatchThatDoesNotSplitOverTheWorkersIsRefusedBeforeTraining(@TempDir Path output) {
        ImageDataset data = SparkFixture.randomImages(8, 1);
        TrainingOptions options = TrainingOptions.builder().batchSize(10).outputDirectory(output).build();
        SparkTrainingException e = assertThrows(SparkTrainingException.class, () -> SparkTraining.fit(spark(),
                LeNetModel.class, LeNetModel.INFO, options, TrainingData.of(data, data),
                new SparkOptions("local[3]", 3, 1), System.out));
        assertTrue(e.getMessage().startsWith("The batch size 10 does not split evenly over 3 workers"), e.getMessage());
    }

    private static SparkEpochRunner runner(ReplicaSpec spec, ImageDataset data) {
        return runner(spec, data, 2);
    }

    private static SparkEpochRunner runner(ReplicaSpec spec, ImageDataset data, int workers) {
        CompiledModel model = LeNetModel.FACTORY.create(device(), spec.batchSize() * workers);
        Optimizer optimizer = SGD.create(device(), model.parameters());
        try {
            return new SparkEpochRunner(spark(), spec, SparkDatasets.partition(spark(), data, workers), model,
                    optimizer, new LossGuard(0.1), TaskFaults.NONE, System.out);
        } finally {
            optimizer.close();
            model.close();
        }
    }

    private static JavaSparkContext spark() {
        return LocalSpark.spark();
    }

    private static Device device() {
        return LocalSpark.device();
    }
}
