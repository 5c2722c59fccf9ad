package netc.spark;

import java.util.Map;

/**
 * How training runs on Spark.
 *
 * @param master where: {@code local[N]} (embedded, this machine), {@code spark://HOST:PORT}, {@code yarn} or
 *        {@code k8s://...}
 * @param workers model replicas training side by side, one per partition of the training set; 0: one per
 *        task slot of the master ({@code local[N]}: N; a cluster: Spark's default parallelism)
 * @param syncEvery local steps each worker takes between two averagings ({@code k}); 1 is synchronous
 *        data-parallel SGD, exactly one step at {@code workers} times the worker batch
 * @param conf Spark settings for the application netc starts ({@code spark.executor.memory},
 *        {@code spark.jars}, ...), as {@code spark-submit --conf} takes them
 */
public record SparkOptions(String master, int workers, int syncEvery, Map<String, String> conf) {
    public SparkOptions {
        conf = Map.copyOf(conf);
        for (String key : conf.keySet()) {
            if (!key.startsWith("spark.")) {
                throw new SparkTrainingException("--spark-conf " + key + "=... is not a Spark setting; Spark's settings"
                        + " start with 'spark.' (e.g. spark.executor.memory=4g).");
            }
        }
        if (workers < 0) {
            throw new SparkTrainingException("--workers must be 1 or more (or left out for one per task slot), got "
                    + workers + ".");
        }
        if (syncEvery < 1) {
            throw new SparkTrainingException("--sync-every must be 1 or more local steps between averagings, got "
                    + syncEvery + ".");
        }
    }

    public SparkOptions(String master, int workers, int syncEvery) {
        this(master, workers, syncEvery, Map.of());
    }

    /** A copy with {@code workers} replicas (the settings kept). */
    SparkOptions withWorkers(int workers) {
        return new SparkOptions(master, workers, syncEvery, conf);
    }

    /**
     * Each worker's batch when {@code globalBatch} examples are split over {@code workers}; refused when
     * they do not split evenly, since the average would then weight the workers' examples unequally.
     */
    static int workerBatch(int globalBatch, int workers) {
        if (globalBatch % workers != 0 || globalBatch < workers) {
            throw new SparkTrainingException("The batch size " + globalBatch + " does not split evenly over "
                    + workers + " workers; on Spark --batch-size is the batch of one synchronised step, summed over"
                    + " the workers, so choose a multiple of " + workers + " (or another --workers).");
        }
        return globalBatch / workers;
    }
}
