package netc.spark;

/**
 * How training runs on Spark.
 *
 * @param master where: {@code local[N]} (embedded, this machine), {@code spark://HOST:PORT}, {@code yarn} or
 *        {@code k8s://...}
 * @param workers model replicas training side by side, one per partition of the training set; 0: one per
 *        task slot of the master ({@code local[N]}: N; a cluster: Spark's default parallelism)
 * @param syncEvery local steps each worker takes between two averagings ({@code k}); 1 is synchronous
 *        data-parallel SGD, exactly one step at {@code workers} times the worker batch
 */
public record SparkOptions(String master, int workers, int syncEvery) {
    public SparkOptions {
        if (workers < 0) {
            throw new SparkTrainingException("--workers must be 1 or more (or left out for one per task slot), got "
                    + workers + ".");
        }
        if (syncEvery < 1) {
            throw new SparkTrainingException("--sync-every must be 1 or more local steps between averagings, got "
                    + syncEvery + ".");
        }
    }

    /** {@code local[threads]}: as many workers, averaging after every step. */
    public static SparkOptions local(int threads) {
        return new SparkOptions("local[" + threads + "]", 0, 1);
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
