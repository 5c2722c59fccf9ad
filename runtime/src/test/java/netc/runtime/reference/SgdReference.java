package netc.runtime.reference;

/** PyTorch's SGD step (dampening 0, with or without Nesterov) in double precision. */
public final class SgdReference {
    private SgdReference() {}

    /** Updates {@code param} and {@code velocity} in place from {@code grad}, as torch.optim.SGD.step; {@code velocity} may be null when {@code momentum} is 0. */
    public static void step(double[] param, double[] velocity, double[] grad, double lr, double momentum, double weightDecay) {
        step(param, velocity, grad, lr, momentum, weightDecay, false);
    }

    /**
     * As torch.optim.SGD.step with {@code nesterov}: {@code g = grad + wd·p; buf = momentum·buf + g;} then
     * {@code g = g + momentum·buf} (Nesterov) or {@code g = buf}; {@code p −= lr·g}.
     */
    public static void step(double[] param, double[] velocity, double[] grad, double lr, double momentum,
                            double weightDecay, boolean nesterov) {
        for (int i = 0; i < param.length; i++) {
            double g = grad[i] + weightDecay * param[i];
            if (momentum != 0) {
                velocity[i] = momentum * velocity[i] + g;
                g = nesterov ? g + momentum * velocity[i] : velocity[i];
            }
            param[i] -= lr * g;
        }
    }
}
