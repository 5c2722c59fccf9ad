package netc.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * Adam and AdamW, PyTorch's {@code torch.optim.Adam} and {@code torch.optim.AdamW} (amsgrad off): per
 * element, at step {@code t} (1 on the first),
 * <pre>
 *   g = grad + weightDecay·p                      (Adam: weight decay as an L2 term)
 *   p = p·(1 − lr·weightDecay)                    (AdamW: decoupled weight decay)
 *   m = β1·m + (1 − β1)·g;   v = β2·v + (1 − β2)·g²
 *   p −= lr/(1 − β1^t) · m / (sqrt(v)/sqrt(1 − β2^t) + ε)
 * </pre>
 * The bias corrections are worked out on the host in double, as PyTorch does in Python floats. The moments
 * ({@code exp_avg}, {@code exp_avg_sq}, PyTorch's state names) start at zero; {@link #steps()} counts t and
 * a checkpoint restores it with the moments.
 */
public final class Adam implements Optimizer {
    /** PyTorch's defaults. */
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;
    public static final String KIND_ADAM = "adam";
    public static final String KIND_ADAMW = "adamw";
    public static final String EXP_AVG = "exp_avg";
    public static final String EXP_AVG_SQ = "exp_avg_sq";
    /** float4 vectors per work-item; also the kernel's default. */
    private static final int VECTORS_PER_ITEM = 4;

    private final List<Parameter> parameters;
    private final List<Tensor> expAvg = new ArrayList<>();
    private final List<Tensor> expAvgSq = new ArrayList<>();
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final float weightDecay;
    private final boolean decoupled;
    private final Kernel update;
    private float learningRate;
    private long steps;

    /** With PyTorch's default betas and epsilon; {@code decoupled} makes it AdamW. */
    public Adam(Device device, List<Parameter> parameters, float learningRate, float weightDecay, boolean decoupled) {
        this(device, parameters, learningRate, BETA1, BETA2, EPSILON, weightDecay, decoupled);
    }

    public Adam(Device device, List<Parameter> parameters, float learningRate, double beta1, double beta2,
                double epsilon, float weightDecay, boolean decoupled) {
        requireBeta("beta1", beta1);
        requireBeta("beta2", beta2);
        if (!(epsilon > 0) || Double.isInfinite(epsilon) || (float) epsilon == 0f) {
            throw new IllegalArgumentException("Adam: epsilon must be a finite number above 0 that float32 holds,"
                    + " got " + epsilon + "; PyTorch's default is 1e-8.");
        }
        requireNonNegative("weight decay", weightDecay);
        setLearningRate(learningRate);
        this.parameters = List.copyOf(parameters);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.update = device.kernel("adam.cl", "adam", Defines.of().set("VECTORS_PER_ITEM", VECTORS_PER_ITEM));
        try {
            for (Parameter parameter : this.parameters) {
                WorkItems.requireIntIndexable("Adam (" + parameter.name() + ")", parameter.size());
                expAvg.add(new Tensor(device, parameter.shape()));
                expAvgSq.add(new Tensor(device, parameter.shape()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static void requireBeta(String what, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("Adam: " + what + " must be in [0, 1), got " + beta
                    + "; PyTorch's defaults are 0.9 and 0.999.");
        }
    }

    private static void requireNonNegative(String what, float value) {
        if (!(value >= 0f) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("Adam: " + what + " must be a finite number >= 0, got " + value + ".");
        }
    }

    @Override
    public String kind() {
        return decoupled ? KIND_ADAMW : KIND_ADAM;
    }

    @Override
    public void step() {
        long t = steps + 1;
        // PyTorch: step_size = lr / bias_correction1, denom = sqrt(v) / sqrt(bias_correction2) + eps.
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, t)));
        float biasCorrection2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
        float l2Decay = decoupled ? 0f : weightDecay;
        float decoupledDecay = decoupled ? (float) (1 - (double) learningRate * weightDecay) : 1f;
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            int count = (int) parameter.size();
            long items = ((count + 3L) / 4 + VECTORS_PER_ITEM - 1) / VECTORS_PER_ITEM;
            update.launch(WorkItems.covering(items), null, parameter.value(), expAvg.get(i), expAvgSq.get(i),
                    parameter.grad(), stepSize, biasCorrection2Sqrt, (float) (1 - beta1), (float) beta2,
                    (float) (1 - beta2), (float) epsilon, l2Decay, decoupledDecay, count);
        }
        steps = t;
    }

    @Override
    public List<State> state() {
        return List.of(new State(EXP_AVG, expAvg), new State(EXP_AVG_SQ, expAvgSq));
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(float learningRate) {
        requireNonNegative("learning rate", learningRate);
        this.learningRate = learningRate;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void setSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("Adam: steps = " + steps + " is negative; pass 0 or more.");
        }
        this.steps = steps;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Tensor tensor : concat()) {
            try {
                tensor.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<Tensor> concat() {
        List<Tensor> all = new ArrayList<>(expAvg);
        all.addAll(expAvgSq);
        return all;
    }
}
