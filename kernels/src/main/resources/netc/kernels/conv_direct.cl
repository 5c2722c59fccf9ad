// Direct stride-1 convolution for layers with few channels (LeNet's), where im2col + GEMM would spend
// its time unfolding and in GEMM tiles mostly empty (M = 6 or 16 output channels). Three kernels:
//   conv_direct_forward:  out[n][o][y][x] = act(sum_{i,kh,kw} W(o, i, kh, kw) * in[n][i][y+kh-PAD][x+kw-PAD] + bias[o])
//   conv_direct_weight_gradient: dw[o][i][kh][kw] = sum_{n,y,x} dz[n][o][y][x] * in[n][i][y+kh-PAD][x+kw-PAD]
//   conv_direct_bias_gradient:   db[o] = sum_{n,y,x} dz[n][o][y][x]
// The input gradient is conv_direct_forward itself, built with FLIPPED: the full correlation of dz with the
// kernel turned by 180 degrees and its two channel axes swapped, padding K-1-PAD, no bias, no activation.
//
// Shapes (defines): CI input channels of H x W, CO output channels of HO x WO, kernel K x K, padding PAD;
// HO = H + 2*PAD - K + 1 and WO = W + 2*PAD - K + 1. Tensors NCHW. The weight is read as stored by the
// layer: [CO][CI][K][K], or with FLIPPED the layer's [CI][CO][K][K] (this kernel's CI is the layer's CO).
// Index convention: forward work-item (y, o, n) computes one output row; its WO sums stay in registers
// and every (i, kh) input row is read once into a zero-padded private row, so the fixed-trip loops over
// kw and x unroll into vector FMAs (PoCL does not vectorise across work-items around a loop).
// Weight-gradient work-item (kh, o*CI + i, part) sums images part, part+PARTS, ... for one kernel row and
// writes PARTS partial sums; conv_direct_weight_gradient_sum adds them in a fixed order (deterministic).

#include "activation.cl"

#ifndef CI
#define CI 1
#endif
#ifndef CO
#define CO 1
#endif
#ifndef H
#define H 1
#endif
#ifndef W
#define W 1
#endif
#ifndef K
#define K 1
#endif
#ifndef PAD
#define PAD 0
#endif
#ifndef HAS_BIAS
#define HAS_BIAS 1
#endif
#ifndef FLIPPED
#define FLIPPED 0
#endif
#ifndef BATCH
#define BATCH 1
#endif
#ifndef PARTS
#define PARTS 1 // weight-gradient partial sums, images split round-robin
#endif

#define HO (H + 2 * PAD - K + 1)
#define WO (W + 2 * PAD - K + 1)
#define ROW (W + 2 * PAD) // a zero-padded input row: WO + K - 1 values

#if FLIPPED
#define WEIGHT(o, i, kh, kw) weight[(((i) * CO + (o)) * K + (K - 1 - (kh))) * K + (K - 1 - (kw))]
#else
#define WEIGHT(o, i, kh, kw) weight[(((o) * CI + (i)) * K + (kh)) * K + (kw)]
#endif

// Copies input row ih of plane `plane` into row[0, ROW) with PAD zeros on each side (all zeros off the plane).
inline void padded_row(float row[ROW], const __global float *plane, const int ih) {
    const bool inside = ih >= 0 && ih < H;
    const __global float *src = plane + (inside ? ih : 0) * W;
    #pragma unroll
    for (int x = 0; x < ROW; x++) {
        const int iw = x - PAD;
        row[x] = inside && iw >= 0 && iw < W ? src[iw] : 0.0f;
    }
}

__kernel void conv_direct_forward(__global float *out, __global const float *in, __global const float *weight,
                                  __global const float *bias) {
    const int y = get_global_id(0);
    const int o = get_global_id(1);
    const int n = get_global_id(2);
    float acc[WO];
    #pragma unroll
    for (int x = 0; x < WO; x++) acc[x] = 0.0f;
    for (int i = 0; i < CI; i++) {
        const __global float *plane = in + (long) (n * CI + i) * (H * W);
        for (int kh = 0; kh < K; kh++) {
            const int ih = y + kh - PAD;
            if (ih < 0 || ih >= H) continue;
            float row[ROW];
            padded_row(row, plane, ih);
            #pragma unroll
            for (int kw = 0; kw < K; kw++) {
                const float w = WEIGHT(o, i, kh, kw);
                #pragma unroll
                for (int x = 0; x < WO; x++) acc[x] = fma(w, row[x + kw], acc[x]);
            }
        }
    }
#if HAS_BIAS
    const float b = bias[o];
#else
    const float b = 0.0f;
#endif
    __global float *dst = out + ((long) (n * CO + o) * HO + y) * WO;
    #pragma unroll
    for (int x = 0; x < WO; x++) dst[x] = activate(acc[x] + b);
}

// partial[part][o][i][kh][kw]; global (K, CO*CI, PARTS).
__kernel void conv_direct_weight_gradient(__global float *partial, __global const float *dz,
                                          __global const float *in) {
    const int kh = get_global_id(0);
    const int oi = get_global_id(1);
    const int part = get_global_id(2);
    const int o = oi / CI;
    const int i = oi % CI;
    float acc[K][WO];
    #pragma unroll
    for (int kw = 0; kw < K; kw++) {
        #pragma unroll
        for (int x = 0; x < WO; x++) acc[kw][x] = 0.0f;
    }
    for (int n = part; n < BATCH; n += PARTS) {
        const __global float *plane = in + (long) (n * CI + i) * (H * W);
        const __global float *grad = dz + (long) (n * CO + o) * (HO * WO);
        for (int y = 0; y < HO; y++) {
            const int ih = y + kh - PAD;
            if (ih < 0 || ih >= H) continue;
            float row[ROW];
            padded_row(row, plane, ih);
            float g[WO];
            #pragma unroll
            for (int x = 0; x < WO; x++) g[x] = grad[y * WO + x];
            #pragma unroll
            for (int kw = 0; kw < K; kw++) {
                #pragma unroll
                for (int x = 0; x < WO; x++) acc[kw][x] = fma(g[x], row[x + kw], acc[kw][x]);
            }
        }
    }
    __global float *dst = partial + ((long) (part * CO * CI + oi) * K + kh) * K;
    #pragma unroll
    for (int kw = 0; kw < K; kw++) {
        float sum = 0.0f;
        #pragma unroll
        for (int x = 0; x < WO; x++) sum += acc[kw][x];
        dst[kw] = sum;
    }
}

// dw[j] = sum over parts of partial[part][j], j < CO*CI*K*K; one work-item per weight.
__kernel void conv_direct_weight_gradient_sum(__global float *dw, __global const float *partial) {
    const int j = get_global_id(0);
    float sum = 0.0f;
    for (int part = 0; part < PARTS; part++) sum += partial[part * (CO * CI * K * K) + j];
    dw[j] = sum;
}
