package netc.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * One worker's part of a round, run by Spark on the partition's executor: takes the partition's replica
 * (building it at the first round), trains the round's local steps from the broadcast state and returns
 * the weighted result for the driver's {@code treeReduce}.
 */
final class RoundTask implements Function2<Integer, Iterator<LabelledExample>, Iterator<RoundResult>> {
    private static final long serialVersionUID = 1L;

    private final ReplicaSpec spec;
    private final Broadcast<ReplicaState> start;
    private final RoundPlan plan;
    private final long round;
    private final TaskFaults faults;

    RoundTask(ReplicaSpec spec, Broadcast<ReplicaState> start, RoundPlan plan, long round, TaskFaults faults) {
        this.spec = spec;
        this.start = start;
        this.plan = plan;
        this.round = round;
        this.faults = faults;
    }

    @Override
    public Iterator<RoundResult> call(Integer partition, Iterator<LabelledExample> examples) {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        ClassLoader classes = Thread.currentThread().getContextClassLoader();
        Replica replica = Replicas.get(spec.runId(), partition, () -> new Replica(spec, partition, list(examples), classes));
        try {
            faults.beforeRound(round, partition, attempt);
            return List.of(replica.train(start.value(), plan)).iterator();
        } catch (RuntimeException | Error e) {
            // A failed round may leave the device or the loader half-way; the retry builds afresh.
            Replicas.discard(spec.runId(), partition);
            throw e;
        }
    }

    private static List<LabelledExample> list(Iterator<LabelledExample> examples) {
        List<LabelledExample> all = new ArrayList<>();
        examples.forEachRemaining(all::add);
        return all;
    }
}
