package netc.train;

import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Adam;
import netc.runtime.ops.Optimizer;

/**
 * PyTorch's {@code torch.optim.Adam} ({@code decoupled} false: weight decay as an L2 term) or
 * {@code torch.optim.AdamW} ({@code decoupled} true: {@code p *= 1 − lr·weightDecay}); see {@link Adam}.
 *
 * @param learningRate the step size
 * @param beta1 the first moment's decay, in [0, 1)
 * @param beta2 the second moment's decay, in [0, 1)
 * @param epsilon added to the denominator, above 0
 * @param weightDecay 0 or more
 * @param decoupled AdamW's decoupled weight decay
 */
public record AdamSettings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                           boolean decoupled) implements OptimizerSettings {

    @Override
    public AdamSettings learningRate(double learningRate) {
        return new AdamSettings(learningRate, beta1, beta2, epsilon, weightDecay, decoupled);
    }

    public AdamSettings betas(double beta1, double beta2) {
        return new AdamSettings(learningRate, beta1, beta2, epsilon, weightDecay, decoupled);
    }

    public AdamSettings epsilon(double epsilon) {
        return new AdamSettings(learningRate, beta1, beta2, epsilon, weightDecay, decoupled);
    }

    public AdamSettings weightDecay(double weightDecay) {
        return new AdamSettings(learningRate, beta1, beta2, epsilon, weightDecay, decoupled);
    }

    @Override
    public String kind() {
        return decoupled ? Adam.KIND_ADAMW : Adam.KIND_ADAM;
    }

    @Override
    public int stateTensorsPerParameter() {
        return 2;
    }

    @Override
    public Optimizer create(Device device, List<Parameter> parameters) {
        return new Adam(device, parameters, (float) learningRate, beta1, beta2, epsilon, (float) weightDecay,
                decoupled);
    }

    @Override
    public void validate(List<String> problems) {
        Float32Range.RATE.check("learning rate", learningRate, problems);
        Float32Range.BELOW_ONE.check("beta1", beta1, problems);
        Float32Range.BELOW_ONE.check("beta2", beta2, problems);
        Float32Range.RATE.check("epsilon", epsilon, problems);
        Float32Range.NON_NEGATIVE.check("weight decay", weightDecay, problems);
    }

    /** {@code AdamW lr 0.001, weight decay 0.01}, with the betas and epsilon only where not PyTorch's defaults. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(decoupled ? "AdamW" : "Adam").append(" lr ")
                .append(Float32Range.format(learningRate));
        if (beta1 != Adam.BETA1 || beta2 != Adam.BETA2) {
            text.append(", betas (").append(Float32Range.format(beta1)).append(", ")
                    .append(Float32Range.format(beta2)).append(')');
        }
        if (epsilon != Adam.EPSILON) {
            text.append(", epsilon ").append(Float32Range.format(epsilon));
        }
        if (weightDecay != 0) {
            text.append(", weight decay ").append(Float32Range.format(weightDecay));
        }
        return text.toString();
    }
}
