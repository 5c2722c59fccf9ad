package netc.spark;

import java.io.Serializable;

/**
 * A model's trainable state on the host, as one round sends it to every worker: the values of every
 * parameter, buffer (BatchNorm's running statistics) and optimizer state tensor (SGD's velocity, Adam's
 * moments) end to end in {@link ModelState}'s order, the layers' host counters, and the optimizer's
 * step count.
 */
record ReplicaState(float[] values, long[] counters, long optimizerSteps) implements Serializable {}
