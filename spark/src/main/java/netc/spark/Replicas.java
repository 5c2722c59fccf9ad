package netc.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replicas living in this JVM (an executor's, or the driver's under a {@code local} master), one
 * per training run and partition. A partition's tasks run one at a time, so each replica has one user;
 * partitions of one executor train side by side on their own devices.
 */
final class Replicas {
    private record Key(String runId, int partition) {}

    private static final Map<Key, Replica> LIVE = new ConcurrentHashMap<>();

    private Replicas() {}

    /** The replica of ({@code runId}, {@code partition}), built by {@code builder} the first time. */
    static Replica get(String runId, int partition, java.util.function.Supplier<Replica> builder) {
        return LIVE.computeIfAbsent(new Key(runId, partition), key -> builder.get());
    }

    /** Forgets the replica, closing it: after a failure it may hold a half-done round. */
    static void discard(String runId, int partition) {
        Replica replica = LIVE.remove(new Key(runId, partition));
        if (replica != null) {
            replica.close();
        }
    }

    /** Closes every replica of {@code runId} in this JVM. */
    static void closeRun(String runId) {
        List<Replica> closing = new ArrayList<>();
        for (Key key : List.copyOf(LIVE.keySet())) {
            Replica replica = key.runId().equals(runId) ? LIVE.remove(key) : null;
            if (replica != null) {
                closing.add(replica);
            }
        }
        closing.forEach(Replica::close);
    }
}
