package netc.train;

import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Optimizer;

/**
 * Which optimizer trains and with what hyper-parameters, as a value: {@link Optimizers#sgd},
 * {@link Optimizers#adam}, {@link Optimizers#adamW}. Each is an immutable record whose {@code with}-style
 * methods return a changed copy, so settings read as PyTorch's constructor calls:
 * {@code Optimizers.sgd(0.01).momentum(0.9).nesterov(true).weightDecay(5e-4)}.
 */
public sealed interface OptimizerSettings extends java.io.Serializable permits SgdSettings, AdamSettings {
    /** The base learning rate (a schedule scales it per epoch). */
    double learningRate();

    /** A copy with another base learning rate. */
    OptimizerSettings learningRate(double learningRate);

    double weightDecay();

    /** What checkpoints record: {@code sgd}, {@code adam} or {@code adamw}. */
    String kind();

    /** The tensors of each parameter's shape it keeps (SGD's velocity; Adam's two moments), for memory estimates. */
    int stateTensorsPerParameter();

    /** The device optimizer for {@code parameters}, starting from zero state. */
    Optimizer create(Device device, List<Parameter> parameters);

    /**
     * Adds a sentence to {@code problems} for each hyper-parameter that cannot work, naming it and the
     * values it accepts; the kernels see every value as float32, so each must be one.
     */
    void validate(List<String> problems);
}
