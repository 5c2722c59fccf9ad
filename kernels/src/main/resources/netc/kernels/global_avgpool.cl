// Global average pooling, PyTorch's AdaptiveAvgPool2d(1): each (n, c) plane of SPATIAL = H*W values
// becomes its mean, out[p] = sum(in[p*SPATIAL ..]) / SPATIAL; the backward pass spreads each output
// gradient evenly, d_in[p*SPATIAL + s] = d_out[p] / SPATIAL (overwriting d_in).
//
// Shapes: PLANES = N*C planes of SPATIAL contiguous floats (input row-major (N, C, H, W)); output
// (N, C), one float per plane. Index convention: forward, one work-item per plane (summing it in
// eight float lanes: PoCL does not vectorise a loop across work-items); backward, work-item g owns
// the VEC floats from g*VEC, all of one plane. Extra work-items of a rounded-up range return.

#ifndef PLANES
#define PLANES 1 // N * C
#endif
#ifndef SPATIAL
#define SPATIAL 1 // H * W
#endif
#ifndef VEC
#define VEC 1 // a power of two <= 16 dividing SPATIAL; the host passes the largest (PlaneLanes)
#endif
#if SPATIAL % VEC != 0
#error "VEC must divide SPATIAL"
#endif

#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_(a, b)
#if VEC == 1
#define floatV float
#define vstoreV(v, i, p) ((p)[i] = (v))
#else
#define floatV CONCAT(float, VEC)
#define vstoreV CONCAT(vstore, VEC)
#endif

__kernel void global_avgpool_forward(__global float *output, __global const float *input) {
    const int p = get_global_id(0);
    if (p >= PLANES) return;
    const __global float *plane = input + p * SPATIAL;
    float8 lanes = (float8) (0.0f);
    for (int j = 0; j < SPATIAL / 8; j++) {
        lanes += vload8(j, plane);
    }
    float sum = ((lanes.s0 + lanes.s1) + (lanes.s2 + lanes.s3)) + ((lanes.s4 + lanes.s5) + (lanes.s6 + lanes.s7));
    for (int j = SPATIAL / 8 * 8; j < SPATIAL; j++) {
        sum += plane[j];
    }
    output[p] = sum / SPATIAL;
}

__kernel void global_avgpool_backward(__global float *d_input, __global const float *d_output) {
    const int g = get_global_id(0);
    if (g >= PLANES * (SPATIAL / VEC)) return;
    vstoreV((floatV) (d_output[g / (SPATIAL / VEC)] / SPATIAL), g, d_input);
}
