package netc.runtime.reference;

/**
 * PyTorch's Adam and AdamW step in double precision, line by line as torch/optim/adam.py's
 * {@code _single_tensor_adam} (amsgrad off, not capturable):
 * <pre>
 *   if weight_decay != 0: AdamW: param.mul_(1 - lr * weight_decay)   Adam: grad = grad.add(param, alpha=weight_decay)
 *   exp_avg.lerp_(grad, 1 - beta1)
 *   exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
 *   bias_correction1 = 1 - beta1 ** step;  bias_correction2 = 1 - beta2 ** step
 *   step_size = lr / bias_correction1
 *   denom = (exp_avg_sq.sqrt() / sqrt(bias_correction2)).add_(eps)
 *   param.addcdiv_(exp_avg, denom, value=-step_size)
 * </pre>
 */
public final class AdamReference {
    private AdamReference() {}

    /**
     * One step at {@code step} (1-based) on {@code param}, {@code expAvg} and {@code expAvgSq} in place;
     * {@code decoupled} selects AdamW's weight decay.
     */
    public static void step(double[] param, double[] expAvg, double[] expAvgSq, double[] grad, long step, double lr,
                            double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        for (int i = 0; i < param.length; i++) {
            double g = grad[i];
            if (weightDecay != 0) {
                if (decoupled) {
                    param[i] *= 1 - lr * weightDecay;
                } else {
                    g += weightDecay * param[i];
                }
            }
            expAvg[i] += (1 - beta1) * (g - expAvg[i]);
            expAvgSq[i] = beta2 * expAvgSq[i] + (1 - beta2) * g * g;
            double denom = Math.sqrt(expAvgSq[i]) / biasCorrection2Sqrt + eps;
            param[i] -= stepSize * expAvg[i] / denom;
        }
    }
}
