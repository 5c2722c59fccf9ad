package netc.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import netc.runtime.cl.Device;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.Function2;

/**
 * The job before the first round: on each partition's executor, counts the partition's examples (and
 * so caches them there) and checks what a replica needs, the network's model class and an OpenCL
 * device, so that a cluster missing either is told in one sentence per executor before training starts.
 */
final class PartitionCheck implements Function2<Integer, Iterator<LabelledExample>, Iterator<PartitionCheck.Report>> {
    private static final long serialVersionUID = 1L;

    /** A partition's size, where it was counted, and what is wrong there (null: nothing). */
    record Report(int partition, int examples, String executor, String problem) implements Serializable {}

    private final ReplicaSpec spec;

    PartitionCheck(ReplicaSpec spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Report> call(Integer partition, Iterator<LabelledExample> examples) {
        int count = 0;
        while (examples.hasNext()) {
            examples.next();
            count++;
        }
        return List.of(new Report(partition, count, executor(), problem())).iterator();
    }

    private String problem() {
        try {
            ModelClasses.factory(spec.modelClass(), Thread.currentThread().getContextClassLoader());
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        try (Device device = spec.devices().open(spec.deviceSelector())) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            // An executor without OpenCL (or JOCL's native library) lands here, with netc's install hint.
            return "no OpenCL device: " + e.getMessage();
        }
    }

    private static String executor() {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return "?";
        }
        return "executor " + env.executorId() + " on " + env.blockManager().blockManagerId().host();
    }
}
