package netc.runtime.reference;

/** PyTorch's SGD step (dampening 0, no Nesterov) in double precision. */
public final class SgdReference {
    private SgdReference() {}

    /** Updates {@code param} and {@code velocity} in place from {@code grad}, as torch.optim.SGD.step; {@code velocity} may be null when {@code momentum} is 0. */
    public static void step(double[] param, double[] velocity, double[] grad, double lr, double momentum, double weightDecay) {
        for (int i = 0; i < param.length; i++) {
            double g = grad[i] + weightDecay * param[i];
            if (momentum != 0) {
                velocity[i] = momentum * velocity[i] + g;
                g = velocity[i];
            }
            param[i] -= lr * g;
        }
    }
}
