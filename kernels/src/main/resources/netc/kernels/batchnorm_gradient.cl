// Batch norm's backward pass in training, PyTorch's batch_norm_backward: with x_hat = (x - mean) *
// invstd and n = rows * SPATIAL values per channel,
//   d_beta[c]  = sum dy                      d_gamma[c] = sum dy * x_hat
//   dx = (dy - d_beta / n - (x - mean) * invstd^2 * sum(dy * (x - mean)) / n) * invstd * gamma
// (the same terms, in PyTorch's CPU order), sums over the first `rows` examples; dx is exactly 0 for
// the padded examples from `rows` on. The statistics are the forward's (mean at [c], invstd at [C + c]).
// With an activation fused after the normalisation (ACTIVATION, activation.cl), d_output is the
// gradient of the activated output `output` and dy = d_output * act'(output) is formed where it is read,
// in both passes, rather than written out by an activation kernel first: the same float operations, one
// launch and one pass over the tensor fewer. With ACT_NONE the slope is 1 and dy is d_output exactly.
//
// Shapes and layouts: see batchnorm_planes.cl. Index convention: batchnorm_plane_gradient_sums, one
// work-item per plane p = n*C + c of the first `rows` examples; batchnorm_parameter_gradients, one per
// channel; batchnorm_input_gradient, work-item g owns the VEC floats from g*VEC. Extra work-items of
// a rounded-up range return. d_input may be d_output.

#include "activation.cl"
#include "batchnorm_planes.cl"

// The sum of dy = d_output * act'(output) over a plane.
inline float plane_gradient_sum(const __global float *d_output, const __global float *output) {
    float8 lanes = (float8) (0.0f);
    for (int j = 0; j < SPATIAL / 8; j++) {
        lanes += vload8(j, d_output) * ACTIVATION_SLOPE(float8, vload8(j, output));
    }
    float sum = lane_total(lanes);
    for (int j = SPATIAL / 8 * 8; j < SPATIAL; j++) {
        sum += d_output[j] * ACTIVATION_SLOPE(float, output[j]);
    }
    return sum;
}

// The sum of dy * (x - center) over a plane, dy as above.
inline float plane_gradient_centered_dot(const __global float *d_output, const __global float *output,
                                         const __global float *x, const float center) {
    float8 lanes = (float8) (0.0f);
    for (int j = 0; j < SPATIAL / 8; j++) {
        lanes += vload8(j, d_output) * ACTIVATION_SLOPE(float8, vload8(j, output)) * (vload8(j, x) - center);
    }
    float sum = lane_total(lanes);
    for (int j = SPATIAL / 8 * 8; j < SPATIAL; j++) {
        sum += d_output[j] * ACTIVATION_SLOPE(float, output[j]) * (x[j] - center);
    }
    return sum;
}

// partial[c*N + n] = the plane's sum of dy, partial[N*C + c*N + n] = its sum of dy * (x - mean).
__kernel void batchnorm_plane_gradient_sums(__global float *partial, __global const float *d_output,
                                            __global const float *output, __global const float *input,
                                            __global const float *statistics, const int rows) {
    const int p = get_global_id(0);
    if (p >= rows * C) return;
    const int n = p / C;
    const int c = p % C;
    partial[c * N + n] = plane_gradient_sum(d_output + p * SPATIAL, output + p * SPATIAL);
    partial[N * C + c * N + n] = plane_gradient_centered_dot(d_output + p * SPATIAL, output + p * SPATIAL,
                                                             input + p * SPATIAL, statistics[c]);
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
                                       __global const float *output, __global const float *input,
                                       __global const float *statistics,
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
    const floatV dy = vloadV(g, d_output) * ACTIVATION_SLOPE(floatV, vloadV(g, output));
    const floatV dx = (dy - grad_mean - (vloadV(g, input) - mean) * proj_scale) * (invstd * gamma[c]);
    vstoreV(dx, g, d_input);
}
