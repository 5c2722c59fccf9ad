package netc.runtime.ops;

import java.util.ArrayList;
import java.util.List;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;
import netc.runtime.cl.Tensor;
import netc.runtime.model.Parameter;

/**
 * Stochastic gradient descent with momentum, Nesterov momentum and weight decay, PyTorch's
 * {@code torch.optim.SGD} rule with dampening 0: {@code g = grad + weightDecay·p; v = momentum·v + g;}
 * then {@code p −= lr·v}, or with Nesterov {@code p −= lr·(g + momentum·v)} (with {@code momentum = 0},
 * {@code p −= lr·g}). One velocity buffer per parameter, allocated here, zero at the start (which equals
 * PyTorch's first-step {@code v = g}).
 *
 * <p>With {@code momentum = 0} the velocities are never read (as in PyTorch, which keeps no buffer);
 * they are then allocated only if {@link #velocity} or {@link #state} asks for them, so plain SGD costs
 * no memory while training.
 */
public final class Sgd implements Optimizer {
    public static final String KIND = "sgd";
    public static final String VELOCITY = "velocity";
    /** float4 vectors per work-item; also the kernel's default. */
    private static final int VECTORS_PER_ITEM = 4;
    /** Tensors one launch updates (the group kernels' slots): all of LeNet's 10, so its step is one launch. */
    static final int GROUP_SIZE = 16;

    private final Device device;
    private final List<Parameter> parameters;
    private final Tensor[] velocities;
    private final float momentum;
    private final float weightDecay;
    private final boolean nesterov;
    /** One kernel per group of up to {@link #GROUP_SIZE} parameters, built for their sizes. */
    private final List<Kernel> groups = new ArrayList<>();
    private float learningRate;
    private long steps;

    /** Without Nesterov momentum. */
    public Sgd(Device device, List<Parameter> parameters, float learningRate, float momentum, float weightDecay) {
        this(device, parameters, learningRate, momentum, weightDecay, false);
    }

    public Sgd(Device device, List<Parameter> parameters, float learningRate, float momentum, float weightDecay,
               boolean nesterov) {
        requireNonNegative("momentum", momentum);
        requireNonNegative("weight decay", weightDecay);
        if (nesterov && momentum == 0f) {
            // PyTorch refuses it too: with no velocity the look-ahead is plain SGD, surely not what was meant.
            throw new IllegalArgumentException("Sgd: Nesterov momentum needs a momentum above 0, got 0; set a"
                    + " momentum (e.g. 0.9) or turn Nesterov off.");
        }
        setLearningRate(learningRate);
        this.device = device;
        this.parameters = List.copyOf(parameters);
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
        this.velocities = new Tensor[this.parameters.size()];
        for (Parameter parameter : this.parameters) {
            WorkItems.requireIntIndexable("Sgd (" + parameter.name() + ")", parameter.size());
        }
        if (momentum != 0f) {
            for (int i = 0; i < velocities.length; i++) {
                velocity(i);
            }
        }
        String kernel = (momentum == 0f ? "sgd_plain" : nesterov ? "sgd_nesterov" : "sgd_momentum") + "_group";
        for (int first = 0; first < this.parameters.size(); first += GROUP_SIZE) {
            Defines defines = Defines.of().set("VECTORS_PER_ITEM", VECTORS_PER_ITEM);
            for (int slot = 0; slot < GROUP_SIZE && first + slot < this.parameters.size(); slot++) {
                defines = defines.set("COUNT" + slot, this.parameters.get(first + slot).size());
            }
            groups.add(device.kernel("sgd.cl", kernel, defines));
        }
    }

    private static void requireNonNegative(String what, float value) {
        if (!(value >= 0f) || Float.isInfinite(value)) {
            throw new IllegalArgumentException("Sgd: " + what + " must be a finite number >= 0, got " + value + ".");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void step() {
        for (int group = 0; group < groups.size(); group++) {
            int first = group * GROUP_SIZE;
            List<Object> args = new ArrayList<>();
            long items = 0;
            for (int slot = 0; slot < GROUP_SIZE; slot++) {
                // An unused slot (count 0 in the kernel) is never touched: any buffer fills it.
                int i = first + Math.min(slot, parameters.size() - 1 - first);
                Parameter parameter = parameters.get(i);
                args.add(parameter.value());
                if (momentum != 0f) {
                    args.add(velocities[i]);
                }
                args.add(parameter.grad());
                if (first + slot < parameters.size()) {
                    items += ((parameter.size() + 3) / 4 + VECTORS_PER_ITEM - 1) / VECTORS_PER_ITEM;
                }
            }
            args.add(learningRate);
            if (momentum != 0f) {
                args.add(momentum);
            }
            args.add(weightDecay);
            groups.get(group).launch(WorkItems.covering(items), null, args.toArray());
        }
        steps++;
    }

    /** The velocity of parameter {@code index} (for checkpoints). */
    public Tensor velocity(int index) {
        if (velocities[index] == null) {
            velocities[index] = new Tensor(device, parameters.get(index).shape());
        }
        return velocities[index];
    }

    /** The velocities, allocated (as zeros) even without momentum, so that every SGD checkpoint holds them. */
    @Override
    public List<State> state() {
        List<Tensor> all = new ArrayList<>();
        for (int i = 0; i < velocities.length; i++) {
            all.add(velocity(i));
        }
        return List.of(new State(VELOCITY, all));
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
            throw new IllegalArgumentException("Sgd: steps = " + steps + " is negative; pass 0 or more.");
        }
        this.steps = steps;
    }

    @Override
    public void close() {
        for (Tensor velocity : velocities) {
            if (velocity != null) {
                velocity.close();
            }
        }
    }
}
