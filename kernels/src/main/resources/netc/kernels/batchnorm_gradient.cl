// Batch norm's backward pass in training, PyTorch's batch_norm_backward: with x_hat = (x - mean) *
// invstd and n = rows * SPATIAL values per channel,
//   d_beta[c]  = sum dy                      d_gamma[c] = sum dy * x_hat
//   dx = (dy - d_beta / n - (x - mean) * invstd^2 * sum(dy * (x - mean)) / n) * invstd * gamma
// (the same terms, in PyTorch's CPU order), sums over the first `rows` examples; dx is exactly 0 for
// the padded examples from `rows` on. The statistics are the forward's (mean at [c], invstd at [C + c]).
//
// Shapes and layouts: see batchnorm_planes.cl. Index convention: batchnorm_plane_gradient_sums, one
// work-item per plane p = n*C + c of the first `rows` examples; batchnorm_parameter_gradients, one per
// channel; batchnorm_input_gradient, work-item g owns the VEC floats from g*VEC. Extra work-items of
// a rounded-up range return. d_input may be d_output.

#include "batchnorm_planes.cl"

// partial[c*N + n] = the plane's sum of dy, partial[N*C + c*N + n] = its sum of dy * (x - mean).
__kernel void batchnorm_plane_gradient_sums(__global float *partial, __global const float *d_output,
                                            __global const float *input, __global const float *statistics,
                                            const int rows) {
    const int p = get_global_id(0);
    if (p >= rows * C) return;
    const int n = p / C;
    const int c = p % C;
    partial[c * N + n] = plane_sum(d_output + p * SPATIAL);
    partial[N * C + c * N + n] = plane_centered_dot(d_output + p * SPATIAL, input + p * SPATIAL, statistics[c]);
}

// Overwrites d_gamma and d_beta. d_gamma = invstd * sum dy * (x - mean), PyTorch's order.
__kernel void batchnorm_parameter_gradients(__global float *d_gamma, __global float *d_beta,
                                            __global const float *partial, __global const float *statistics,
                                            const int rows) {
    const int c = get_global_id(0);
    if (c >= C) return;
    float sum = 0.0f;
    float dot = 0.0f;
    for (int n = 0; n < rows; n++) {
        sum += partial[c * N + n];
        dot += partial[N * C + c * N + n];
    }
    d_beta[c] = sum;
    d_gamma[c] = dot * statistics[C + c];
}

__kernel void batchnorm_input_gradient(__global float *d_input, __global const float *d_output,
                                       __global const float *input, __global const float *statistics,
                                       __global const float *gamma, __global const float *d_gamma,
                                       __global const float *d_beta, const int rows) {
    const int g = get_global_id(0);
    if (g >= VECTORS) return;
    if (EXAMPLE_OF(g) >= rows) {
        vstoreV((floatV) (0.0f), g, d_input);
        return;
    }
    const int c = CHANNEL_OF(g);
    const float count = (float) rows * SPATIAL;
    const float mean = statistics[c];
    const float invstd = statistics[C + c];
    const float grad_mean = d_beta[c] / count;
    // d_gamma / invstd is PyTorch's dot_p, sum dy * (x - mean); times invstd^2 / n gives its proj_scale.
    const float proj_scale = d_gamma[c] * invstd / count;
    const floatV dx = (vloadV(g, d_output) - grad_mean - (vloadV(g, input) - mean) * proj_scale) * (invstd * gamma[c]);
    vstoreV(dx, g, d_input);
}
