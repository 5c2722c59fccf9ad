// Batch norm's affine normalisation, y = act((x - mean[c]) * (invstd[c] * gamma[c]) + beta[c]), with the
// batch's statistics in training and the running ones in evaluation (statistics as written by
// batchnorm_statistics.cl: mean at [c], invstd at [C + c]) and the activation that follows it fused
// (ACTIVATION, activation.cl; ACT_NONE for none). Every one of the N examples is normalised, padded
// ones too, so the output holds no stale values.
//
// Shapes: see batchnorm_planes.cl. Index convention: work-item g owns the VEC floats from g*VEC (one
// plane's, one channel's); extra work-items of a rounded-up range return. output may be input.

#include "activation.cl"
#include "batchnorm_planes.cl"

__kernel void batchnorm_normalize(__global float *output, __global const float *input,
                                  __global const float *statistics, __global const float *gamma,
                                  __global const float *beta) {
    const int g = get_global_id(0);
    if (g >= VECTORS) return;
    const int c = CHANNEL_OF(g);
    const float scale = statistics[C + c] * gamma[c];
    vstoreV(ACTIVATE(floatV, (vloadV(g, input) - statistics[c]) * scale + beta[c]), g, output);
}
