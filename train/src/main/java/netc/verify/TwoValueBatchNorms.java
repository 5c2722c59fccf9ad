package netc.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netc.runtime.model.LayerRow;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.TensorInfo;
import netc.runtime.ops.BatchNorm;

/**
 * The batch norms that see only two values per channel in the recorded step (a batch of 2 into a
 * {@code BatchNorm1d}), and how much they amplify float32 rounding in the gradients.
 *
 * <p>Over two values {@code x₀, x₁} a batch norm normalises to {@code ±a}, {@code a = d/sqrt(d² + eps)} with
 * {@code d = (x₀ − x₁)/2}, and its input gradient is {@code (γ/σ)·(1 − a²)·(dy₀ − dy₁)/2}: {@code 1 − a²} is
 * the {@code eps/(var + eps)}-sized rest of a cancellation, which float32 computes with a relative error of
 * up to {@code u·κ}, {@code u = 2⁻²⁴} and {@code κ = (var + eps)/eps}. Every gradient before the layer
 * inherits that error. With LeNetBN's recorded batch κ reaches 1.4e4 (u·κ = 8.6e-4) and both float32
 * results, PyTorch's and netc's, differ from a float64 evaluation by up to 4.6e-4 of a gradient's scale
 * (0.53·u·κ); netc and PyTorch differ by up to 5.0e-4 (0.59·u·κ). Each side is off by at most about u·κ, so
 * the check allows {@link #FACTOR}{@code ·u·κ} of the tensor's scale for the gradients and updates of such a
 * network. κ is read from the step itself: the running variance moves by {@code momentum·var·n/(n − 1)}.
 */
final class TwoValueBatchNorms {
    /** Both sides' error, at most u·κ each, added. */
    static final double FACTOR = 2;
    /** float32's unit roundoff. */
    static final double UNIT_ROUNDOFF = 0x1p-24;

    private final List<String> layers;
    private final double kappa;

    private TwoValueBatchNorms(List<String> layers, double kappa) {
        this.layers = List.copyOf(layers);
        this.kappa = kappa;
    }

    /** Finds them in {@code network} at {@code batch}, κ from the running variances before and after the step. */
    static TwoValueBatchNorms of(NetworkInfo network, int batch, StepReplay.Results step) {
        List<String> layers = new ArrayList<>();
        double kappa = 1;
        for (TensorInfo buffer : network.buffers()) {
            if (!buffer.suffix().equals("running_var")) {
                continue;
            }
            LayerRow row = network.layers().get(buffer.layer());
            long values = batch * (row.outputShape().stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b)
                    / buffer.size());
            float[] before = step.get(buffer.name());
            float[] after = step.get(buffer.name() + StepReplay.AFTER_STEP);
            if (values != 2 || before == null || after == null) {
                continue;
            }
            layers.add(row.name());
            for (int c = 0; c < after.length; c++) {
                double unbiased = (after[c] - (1 - (double) BatchNorm.MOMENTUM) * before[c]) / BatchNorm.MOMENTUM;
                double variance = Math.max(0, unbiased / 2);
                kappa = Math.max(kappa, (variance + BatchNorm.EPSILON) / BatchNorm.EPSILON);
            }
        }
        return new TwoValueBatchNorms(layers, kappa);
    }

    boolean any() {
        return !layers.isEmpty();
    }

    double kappa() {
        return kappa;
    }

    /** What the gradients and updates are allowed on top, as a fraction of the tensor's scale. */
    double ofScale() {
        return any() ? FACTOR * UNIT_ROUNDOFF * kappa : 0;
    }

    /** One line for the report. */
    String describe() {
        return String.format(Locale.ROOT, "%s normalise%s 2 values per channel (kappa = (var + eps)/eps up to %.2g):"
                        + " gradients and updates are allowed a further %.1e of their scale (2*u*kappa)",
                String.join(", ", layers), layers.size() == 1 ? "s" : "", kappa, ofScale());
    }
}
