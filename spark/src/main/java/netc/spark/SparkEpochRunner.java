package netc.spark;

import java.io.PrintStream;
import java.util.List;
import java.util.TreeSet;
import netc.runtime.model.CompiledModel;
import netc.runtime.ops.LossResult;
import netc.runtime.ops.Optimizer;
import netc.train.EpochRunner;
import netc.train.EpochTally;
import netc.train.LossGuard;
import netc.train.ProgressReporter;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Trains epochs data-parallel on Spark, as synchronous parameter averaging: each round the driver
 * broadcasts the model's state (parameters, buffers, optimizer state), every worker trains {@code k}
 * local steps on its partition from it, and {@code treeReduce} brings back the workers' states, which the
 * driver averages weighted by the examples each trained on. The driver's model holds the result after
 * each epoch, so evaluation, checkpoints and metrics work as on one machine.
 */
final class SparkEpochRunner implements EpochRunner {
    private final JavaSparkContext spark;
    private final ReplicaSpec spec;
    private final JavaRDD<LabelledExample> examples;
    private final CompiledModel model;
    private final Optimizer optimizer;
    private final LossGuard guard;
    private final TaskFaults faults;
    private final int batchesPerEpoch;
    private final PrintStream out;
    private final RoundTimes times = new RoundTimes();
    private long roundsDone;

    SparkEpochRunner(JavaSparkContext spark, ReplicaSpec spec, JavaRDD<LabelledExample> examples, CompiledModel model,
                     Optimizer optimizer, LossGuard guard, TaskFaults faults, PrintStream out) {
        this.out = out;
        this.spark = spark;
        this.spec = spec;
        this.examples = examples;
        this.model = model;
        this.optimizer = optimizer;
        this.guard = guard;
        this.faults = faults;
        List<PartitionCheck.Report> reports = run("checking the executors", () ->
                examples.mapPartitionsWithIndex(new PartitionCheck(spec), false).collect());
        requireReady(reports);
        int mostBatches = 0;
        for (PartitionCheck.Report report : reports) {
            mostBatches = Math.max(mostBatches, (report.examples() + spec.batchSize() - 1) / spec.batchSize());
        }
        this.batchesPerEpoch = mostBatches;
    }

    /** Rounds per epoch: enough for the partition with the most batches. */
    @Override
    public int batchesPerEpoch() {
        return (batchesPerEpoch + spec.syncEvery() - 1) / spec.syncEvery();
    }

    @Override
    public EpochTally runEpoch(int epoch, ProgressReporter progress) {
        EpochTally tally = new EpochTally();
        // The driver's model holds the state between epochs (resumed from a checkpoint, or initialised).
        ReplicaState state = ModelState.read(model, optimizer);
        int rounds = batchesPerEpoch();
        for (int round = 0; round < rounds; round++) {
            RoundPlan plan = new RoundPlan(epoch, round * spec.syncEvery(), spec.syncEvery(), optimizer.learningRate());
            RoundResult result = round(state, plan, epoch, round);
            state = result.average();
            LossResult mean = new LossResult((float) (result.lossSum() / result.examples()),
                    Math.toIntExact(result.correct()), Math.toIntExact(result.examples()));
            guard.check(mean.loss(), epoch + 1, round + 1);
            tally.add(mean);
            progress.update(round + 1, tally.examples(), tally.meanLoss());
        }
        ModelState.write(state, model, optimizer);
        return tally;
    }

    private RoundResult round(ReplicaState state, RoundPlan plan, int epoch, int round) {
        Broadcast<ReplicaState> start = spark.broadcast(state);
        try {
            RoundTask task = new RoundTask(spec, start, plan, roundsDone++, faults);
            long begin = System.nanoTime();
            RoundResult result = run("round " + (round + 1) + " of epoch " + (epoch + 1),
                    () -> examples.mapPartitionsWithIndex(task, false).treeReduce(RoundResult::plus));
            times.add(System.nanoTime() - begin, result);
            return result;
        } finally {
            start.destroy();
        }
    }

    private static void requireReady(List<PartitionCheck.Report> reports) {
        TreeSet<String> problems = new TreeSet<>();
        for (PartitionCheck.Report report : reports) {
            if (report.problem() != null) {
                problems.add(report.executor() + ": " + report.problem());
            } else if (report.examples() == 0) {
                problems.add("partition " + report.partition() + " holds no examples: train with fewer workers"
                        + " (--workers) than the training set has examples");
            }
        }
        if (!problems.isEmpty()) {
            throw new SparkTrainingException("Spark's executors cannot train: " + String.join("; ", problems));
        }
    }

    /** Runs a Spark job, turning its failure into one sentence that names the step and the workers' error. */
    private static <T> T run(String what, java.util.function.Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) { // Spark's jobs throw its checked SparkException undeclared
            if (e instanceof RuntimeException unchecked && !SparkFailures.fromSpark(e)) {
                throw unchecked;
            }
            String reason = SparkFailures.reason(e);
            String missing = SparkFailures.missingNetcClass(reason);
            if (missing != null) {
                throw new SparkTrainingException("Spark's executors cannot load netc's own classes (" + missing + ")."
                        + " Ship netc's jars with the job: spark-submit --jars, or --spark-conf spark.jars=... with"
                        + " the jars listed in cli/target/spark-submit-classpath.txt (docs/DISTRIBUTED.md).", e);
            }
            throw new SparkTrainingException("Training on Spark failed while " + what + ": " + reason
                    + ". Spark retries a failed task up to spark.task.maxFailures times (4 on a cluster, the F of"
                    + " local[N,F] on one machine); this one failed every time.", e);
        }
    }

    /** Closes every replica of this run (on the executors and, under a local master, here) and frees the data. */
    @Override
    public void close() {
        // Under a local master the replicas share this JVM's device and take turns (see Replica.train).
        out.println(times.summary(spark.isLocal()));
        String runId = spec.runId();
        try {
            examples.foreachPartition(ignored -> Replicas.closeRun(runId));
        } catch (RuntimeException e) {
            // A cluster that is going away takes its replicas with it.
        } finally {
            Replicas.closeRun(runId);
            examples.unpersist(false);
        }
    }
}
