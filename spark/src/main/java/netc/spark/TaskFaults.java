package netc.spark;

import java.io.Serializable;

/**
 * Told before each worker's round, on the executor: the tests make a task fail here to prove that Spark's
 * retry of it computes the same round. Training itself never sets one.
 */
@FunctionalInterface
interface TaskFaults extends Serializable {
    TaskFaults NONE = (round, partition, attempt) -> { };

    void beforeRound(long round, int partition, int attempt);
}
