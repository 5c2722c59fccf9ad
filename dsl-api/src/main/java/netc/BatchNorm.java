package netc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalisation, PyTorch's {@code BatchNorm2d} after a convolution or pooling layer and
 * {@code BatchNorm1d} after a dense layer: per channel (per feature), {@code y = γ·(x − μ)/√(σ² + ε) + β}
 * with {@code ε = 1e-5}.
 *
 * <p>In training, {@code μ} and {@code σ²} are the batch's mean and biased variance over
 * {@code N·H·W} values, and the running statistics move by momentum {@code 0.1}
 * ({@code running = 0.9·running + 0.1·batch}, the variance unbiased); in evaluation the running
 * statistics are used. Shape rule: the shape is unchanged. Parameters {@code weight} (γ, starts at 1)
 * and {@code bias} (β, starts at 0), each {@code [C]}; buffers {@code running_mean},
 * {@code running_var} ({@code [C]}) and {@code num_batches_tracked}, saved with the weights.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BatchNorm {}
