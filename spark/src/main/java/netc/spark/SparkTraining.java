package netc.spark;

import java.io.PrintStream;
import java.util.UUID;
import netc.data.ImageDataset;
import netc.data.NetworkInput;
import netc.data.TrainingData;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.ops.Optimizer;
import netc.train.EpochRunner;
import netc.train.LossGuard;
import netc.train.Trainer;
import netc.train.TrainingOptions;
import netc.train.TrainingReport;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Trains a compiled network data-parallel on Apache Spark: {@link Trainer#fit} with its epochs run by
 * workers on Spark's executors, one model replica per partition of the training set, combined by
 * synchronous parameter averaging every {@link SparkOptions#syncEvery()} local steps (docs/DISTRIBUTED.md).
 * The driver evaluates, writes metrics and checkpoints, shows progress and guards the loss, as
 * single-machine training does.
 */
public final class SparkTraining {
    private SparkTraining() {}

    /**
     * Starts Spark at {@code spark.master()} (embedded for {@code local[N]}), trains, and stops it.
     *
     * @param modelClass the model class netc generated for the network (e.g. {@code LeNetModel}); executors
     *        load it by name, so on a cluster it must be in the job's jar
     */
    public static TrainingReport fit(Class<? extends CompiledModel> modelClass, NetworkInfo info, TrainingOptions options,
                                     TrainingData data, SparkOptions spark, PrintStream out) {
        SparkMaster master = SparkMaster.parse(spark.master());
        master.requireReachable();
        SparkConf conf = new SparkConf().setMaster(master.url()).setAppName("netc train " + info.name());
        spark.conf().forEach(conf::set);
        if (master.isLocal()) {
            // Embedded: no web UI port to take, and no host name lookup that a laptop offline may fail.
            conf.setIfMissing("spark.ui.enabled", "false").setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        // Each worker's state comes back whole (AlexNet with momentum: 374 MB); Spark's default cap is 1 GB in all.
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // An embedded executor loads task classes through the loader current when Spark starts: the network's.
        thread.setContextClassLoader(modelClass.getClassLoader());
        try (JavaSparkContext context = new JavaSparkContext(conf)) {
            context.setLogLevel("WARN");
            int workers = spark.workers() > 0 ? spark.workers()
                    : master.isLocal() ? master.localThreads() : context.defaultParallelism();
            return fit(context, modelClass, info, options, data, spark.withWorkers(workers), out, TaskFaults.NONE,
                    DeviceOpener.OPENCL);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Trains in a running Spark application (under {@code spark-submit}): as
     * {@link #fit(Class, NetworkInfo, TrainingOptions, TrainingData, SparkOptions, PrintStream)}, without starting or
     * stopping Spark; {@code spark.master()} and {@code spark.conf()} are not used: the context has its own.
     */
    public static TrainingReport fit(JavaSparkContext context, Class<? extends CompiledModel> modelClass, NetworkInfo info,
                                     TrainingOptions options, TrainingData data, SparkOptions spark, PrintStream out) {
        int workers = spark.workers() > 0 ? spark.workers() : context.defaultParallelism();
        return fit(context, modelClass, info, options, data, spark.withWorkers(workers), out, TaskFaults.NONE,
                DeviceOpener.OPENCL);
    }

    static TrainingReport fit(JavaSparkContext context, Class<? extends CompiledModel> modelClass, NetworkInfo info,
                              TrainingOptions options, TrainingData data, SparkOptions spark, PrintStream out,
                              TaskFaults faults, DeviceOpener devices) {
        int workerBatch = SparkOptions.workerBatch(options.batchSize(), spark.workers());
        ModelFactory factory = ModelClasses.factory(modelClass.getName(), modelClass.getClassLoader());
        String runId = UUID.randomUUID().toString();
        EpochRunner.Factory runners = (model, optimizer, limited, input, trainingOptions, guard) ->
                runner(context, runId, modelClass, workerBatch, limited, input, trainingOptions, spark, model, optimizer,
                        guard, faults, devices, out);
        out.printf("data-parallel on Spark %s (%s): %d workers of batch %d, averaging every %d step%s%n",
                context.version(), context.master(), spark.workers(), workerBatch, spark.syncEvery(),
                spark.syncEvery() == 1 ? "" : "s");
        return Trainer.fit(factory, info, options, data, out, runners);
    }

    private static EpochRunner runner(JavaSparkContext context, String runId, Class<?> modelClass, int workerBatch,
                                      TrainingData data, NetworkInput input, TrainingOptions options, SparkOptions spark,
                                      CompiledModel model, Optimizer optimizer, LossGuard guard, TaskFaults faults,
                                      DeviceOpener devices, PrintStream out) {
        ImageDataset train = data.train();
        ReplicaSpec spec = new ReplicaSpec(runId, modelClass.getName(), workerBatch, spark.syncEvery(),
                options.optimizer(), input, data.augmentation(), ExampleShape.of(train), options.seed(),
                options.device(), devices);
        JavaRDD<LabelledExample> examples = SparkDatasets.partition(context, train, spark.workers());
        return new SparkEpochRunner(context, spec, examples, model, optimizer, guard, faults, out);
    }
}
