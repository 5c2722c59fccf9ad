package netc.train;

import java.util.List;
import netc.runtime.cl.Device;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Optimizer;
import netc.runtime.ops.Sgd;

/**
 * PyTorch's {@code torch.optim.SGD(lr, momentum, weight_decay, nesterov)} with dampening 0 (see {@link Sgd}).
 *
 * @param learningRate the step size
 * @param momentum in [0, 1); 0 is plain SGD
 * @param nesterov Nesterov's look-ahead (needs a momentum above 0)
 * @param weightDecay an L2 penalty added to the gradient
 */
public record SgdSettings(double learningRate, double momentum, boolean nesterov, double weightDecay)
        implements OptimizerSettings {

    @Override
    public SgdSettings learningRate(double learningRate) {
        return new SgdSettings(learningRate, momentum, nesterov, weightDecay);
    }

    public SgdSettings momentum(double momentum) {
        return new SgdSettings(learningRate, momentum, nesterov, weightDecay);
    }

    public SgdSettings nesterov(boolean nesterov) {
        return new SgdSettings(learningRate, momentum, nesterov, weightDecay);
    }

    public SgdSettings weightDecay(double weightDecay) {
        return new SgdSettings(learningRate, momentum, nesterov, weightDecay);
    }

    @Override
    public String kind() {
        return Sgd.KIND;
    }

    /** The velocity: allocated with momentum, and by the first checkpoint without. */
    @Override
    public int stateTensorsPerParameter() {
        return 1;
    }

    @Override
    public Optimizer create(Device device, List<Parameter> parameters) {
        return new Sgd(device, parameters, (float) learningRate, (float) momentum, (float) weightDecay, nesterov);
    }

    @Override
    public void validate(List<String> problems) {
        Float32Range.RATE.check("learning rate", learningRate, problems);
        Float32Range.BELOW_ONE.check("momentum", momentum, problems);
        Float32Range.NON_NEGATIVE.check("weight decay", weightDecay, problems);
        if (nesterov && momentum == 0) {
            problems.add("Nesterov momentum needs a momentum above 0, got 0; set a momentum (e.g. 0.9) or turn"
                    + " Nesterov off");
        }
    }

    /** {@code SGD lr 0.01, momentum 0.9, Nesterov, weight decay 0.0005}, leaving out what is off. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SGD lr ").append(Float32Range.format(learningRate));
        if (momentum != 0) {
            text.append(", momentum ").append(Float32Range.format(momentum));
        }
        if (nesterov) {
            text.append(", Nesterov");
        }
        if (weightDecay != 0) {
            text.append(", weight decay ").append(Float32Range.format(weightDecay));
        }
        return text.toString();
    }
}
