// Batch norm statistics, PyTorch's BatchNorm1d/2d: per channel c, over the first `rows` examples'
// planes (n = rows * SPATIAL values), the batch mean and the biased variance, saved as
// statistics[c] = mean and statistics[C + c] = invstd = 1 / sqrt(var + EPSILON) for the normalisation
// and the backward pass; the running statistics move towards them as PyTorch's:
//   running_mean = (1 - MOMENTUM) * running_mean + MOMENTUM * mean
//   running_var  = (1 - MOMENTUM) * running_var  + MOMENTUM * var * n / (n - 1)   (unbiased)
// In evaluation the running statistics stand in for the batch's (batchnorm_running_statistics).
//
// Accuracy: two levels of two passes, no sum of squares. Each plane gives its mean and its M2 (sum of
// squared deviations from that mean, the plane re-read from cache); the channel combines its planes
// (all of SPATIAL values) as Chan et al.: mean = average of plane means,
// M2 = sum of plane M2 + SPATIAL * sum of (plane mean - mean)^2.
//
// Shapes and layouts: see batchnorm_planes.cl. Index convention: batchnorm_plane_moments, one
// work-item per plane p = n*C + c of the first `rows` examples; the two per-channel kernels, one
// work-item per channel c. Extra work-items of a rounded-up range return.

#include "batchnorm_planes.cl"

#ifndef EPSILON
#define EPSILON 0x1.4f8b58p-17f // 1e-5, PyTorch's default eps
#endif
#ifndef MOMENTUM
#define MOMENTUM 0x1.99999ap-4f // 0.1, PyTorch's default momentum
#endif

__kernel void batchnorm_plane_moments(__global float *partial, __global const float *input, const int rows) {
    const int p = get_global_id(0);
    if (p >= rows * C) return;
    const int n = p / C;
    const int c = p % C;
    const __global float *plane = input + p * SPATIAL;
    const float mean = plane_sum(plane) / SPATIAL;
    partial[c * N + n] = mean;
    partial[N * C + c * N + n] = plane_squared_deviation(plane, mean);
}

__kernel void batchnorm_channel_statistics(__global float *statistics, __global float *running_mean,
                                           __global float *running_var, __global const float *partial,
                                           const int rows) {
    const int c = get_global_id(0);
    if (c >= C) return;
    const __global float *plane_means = partial + c * N;
    const __global float *plane_m2 = partial + N * C + c * N;
    float sum = 0.0f;
    for (int n = 0; n < rows; n++) {
        sum += plane_means[n];
    }
    const float mean = sum / rows;
    float within = 0.0f;
    float between = 0.0f;
    for (int n = 0; n < rows; n++) {
        const float d = plane_means[n] - mean;
        within += plane_m2[n];
        between += d * d;
    }
    const float m2 = within + SPATIAL * between;
    const float count = (float) rows * SPATIAL;
    statistics[c] = mean;
    statistics[C + c] = 1.0f / sqrt(m2 / count + EPSILON);
    running_mean[c] = MOMENTUM * mean + (1.0f - MOMENTUM) * running_mean[c];
    running_var[c] = MOMENTUM * (m2 / (count - 1.0f)) + (1.0f - MOMENTUM) * running_var[c];
}

__kernel void batchnorm_running_statistics(__global float *statistics, __global const float *running_mean,
                                           __global const float *running_var) {
    const int c = get_global_id(0);
    if (c >= C) return;
    statistics[c] = running_mean[c];
    statistics[C + c] = 1.0f / sqrt(running_var[c] + EPSILON);
}
