package netc.spark;

import java.io.Serializable;
import netc.data.Augmentation;
import netc.data.NetworkInput;
import netc.train.OptimizerSettings;

/**
 * Everything an executor needs to build its model replica, sent once per training run: the generated
 * model class by name (the executor loads it from the job's jar), the replica's batch size, the optimizer,
 * how images become the network's input, and the seed its shuffles and dropout masks derive from.
 *
 * @param runId tells replicas of this run from those of earlier runs in the same executor JVM
 * @param modelClass the generated model's class name, e.g. {@code netc.samples.LeNetModel}
 * @param batchSize examples per local step of one worker
 * @param syncEvery local steps between two averagings
 */
record ReplicaSpec(String runId, String modelClass, int batchSize, int syncEvery, OptimizerSettings optimizer,
                   NetworkInput input, Augmentation augmentation, ExampleShape examples, long seed,
                   String deviceSelector, DeviceOpener devices) implements Serializable {

    /** Partition {@code partition}'s seed: its shuffles and dropout masks differ from every other worker's. */
    long workerSeed(int partition) {
        // A large odd multiplier (2^64 / golden ratio) spreads consecutive partitions far apart.
        return seed + 0x9E3779B97F4A7C15L * (partition + 1);
    }
}
