// Direct stride-1 convolution for layers with few channels (LeNet's), where im2col + GEMM would spend
// its time unfolding and in GEMM tiles mostly empty (M = 6 or 16 output channels). Every kernel keeps
// the output channels in one vector of COV lanes (COV = 4, 8 or 16 >= CO, extra lanes zero), so each
// input value is broadcast into one vector FMA per kernel tap: explicit vectors, because PoCL does not
// vectorise across work-items around a loop.
//
//   conv_direct_pack:    packed[i][kh][kw][o] = W(o, i, kh, kw), then packed bias; once per pass, as
//                        the weights change every step
//   conv_direct_forward: out[n][o][y][x] = act(sum_{i,kh,kw} W(o, i, kh, kw) * in[n][i][y+kh-PAD][x+kw-PAD] + bias[o])
//   conv_direct_forward_pooled: the forward, and besides the average pool of its output over POOL x POOL
//                        windows at stride POOL (what LeNet's AvgPool after each convolution computes):
//                        pooled[n][o][py][px] = sum of the window's outputs / (POOL*POOL), so no separate
//                        pool launch reads the output back
//   conv_direct_dz:      dz[n][y][x][o] = d_out[n][o][y][x] * act'(out[n][o][y][x]), channels last; with
//                        POOL > 1 d_out is the pooled output's gradient, spread as the pool's backward does:
//                        d_out[n][o][y/POOL][x/POOL] / (POOL*POOL)
//   conv_direct_weight_gradient: partial sums over images part, part+PARTS, ... of
//                        dw[o][i][kh][kw] = sum_{n,y,x} dz[n][y][x][o] * in[n][i][y+kh-PAD][x+kw-PAD]
//                        and db[o] = sum_{n,y,x} dz[n][y][x][o]
//   conv_weight_gradient_sum (conv_weight_gradient_sum.cl): adds the partial sums in a fixed order (deterministic)
//   conv_direct_input_gradient: dx[n][i][ih][iw] = sum_{o,kh,kw} dz[n][ih-kh+PAD][iw-kw+PAD][o] * W(o, i, kh, kw),
//                        the sum over o as one vector FMA per tap (the packed weights' vector for (i, kh, kw)
//                        is already over o) and the lanes summed at the end, four values together
//
// Shapes (defines): CI input channels of H x W, CO output channels of HO x WO, kernel K x K, padding PAD;
// HO = H + 2*PAD - K + 1, WO = W + 2*PAD - K + 1. The weight as the layer stores it: [CO][CI][K][K].
// Input, output and their gradients NCHW; dz [N][HO][WO][COV].
// Index convention: forward work-item (b, y, n) computes XB outputs of row y, all channels, starting at
// x0 = min(b*XB, WO-XB) (the last block slides back to end at the edge: no guards, some outputs written
// twice with the same value); input-gradient work-item (b, ih, n*CI + i) likewise XB_IN values of an
// input row. Weight-gradient work-item (kh, i, part) sums kernel row kh of input
// channel i for every output channel; bias sums ride on the (0, 0, part) items.

#include "activation.cl"

#ifndef CI
#define CI 1
#endif
#ifndef CO
#define CO 1
#endif
#ifndef COV
#define COV 4 // vector lanes for the output channels: 4, 8 or 16, >= CO
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
#ifndef XB
#define XB 1 // outputs of a row per forward work-item
#endif
#ifndef XB_IN
#define XB_IN 1 // inputs of a row per input-gradient work-item
#endif
#ifndef BATCH
#define BATCH 1
#endif
#ifndef PARTS
#define PARTS 1 // weight-gradient partial sums, images split round-robin
#endif

#ifndef POOL
#define POOL 1 // average-pool window and stride fused after the convolution (1: none); divides HO, WO and XB
#endif

#define HO (H + 2 * PAD - K + 1)
#define WO (W + 2 * PAD - K + 1)
#define HP (HO / POOL)
#define WP (WO / POOL)
#define POOL_AREA ((float) (POOL * POOL))
#define TAPS (CI * K * K)
#define PACKED (TAPS * COV + COV) // packed weights, then the packed bias
#define PARTIAL PACKED            // one part's weight and bias sums, laid out as the packed weights

#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
typedef XCAT(float, COV) floatv;
#define VLOAD XCAT(vload, COV)
#define VSTORE XCAT(vstore, COV)

#define WEIGHT(o, i, kh, kw) weight[(((o) * CI + (i)) * K + (kh)) * K + (kw)]
#define INPUT(n, i, ih, iw) in[(((long) (n) * CI + (i)) * H + (ih)) * W + (iw)]

#define LANES COV
#include "lane_sum.cl"

// One work-item per packed float: global PACKED.
__kernel void conv_direct_pack(__global float *packed, __global const float *weight, __global const float *bias) {
    const int j = get_global_id(0);
    const int o = j % COV;
    float value = 0.0f;
    if (o < CO) {
        const int tap = j / COV;
        if (tap < TAPS) {
            value = WEIGHT(o, tap / (K * K), tap / K % K, tap % K);
        } else {
            value = bias[o];
        }
    }
    packed[j] = value;
}

// acc[0..XB) = the pre-activation sums (no bias) of outputs x0 .. x0+XB-1 of row y of image n, all channels.
#define ROW_SUMS(acc, n, y, x0)                                                                      \
    do {                                                                                             \
        _Pragma("unroll") for (int x = 0; x < XB; x++) acc[x] = (floatv) (0.0f);                     \
        for (int i = 0; i < CI; i++) {                                                               \
            for (int kh = 0; kh < K; kh++) {                                                         \
                const int ih = (y) + kh - PAD;                                                       \
                if (ih < 0 || ih >= H) continue;                                                     \
                float row[XB + K - 1];                                                               \
                _Pragma("unroll") for (int t = 0; t < XB + K - 1; t++) {                             \
                    const int iw = (x0) + t - PAD;                                                   \
                    row[t] = iw >= 0 && iw < W ? INPUT(n, i, ih, iw) : 0.0f;                         \
                }                                                                                    \
                const __global float *taps = packed + ((i * K + kh) * K) * COV;                      \
                _Pragma("unroll") for (int kw = 0; kw < K; kw++) {                                   \
                    const floatv w = VLOAD(kw, taps);                                                \
                    _Pragma("unroll") for (int x = 0; x < XB; x++) acc[x] = fma((floatv) (row[x + kw]), w, acc[x]); \
                }                                                                                    \
            }                                                                                        \
        }                                                                                            \
    } while (0)

#if XB == WO
#define ROW_START 0 // one block: a constant, so the unrolled loops drop the padding's taps
#else
#define ROW_START min((int) get_global_id(0) * XB, WO - XB)
#endif

// global ((WO + XB - 1) / XB, HO, N)
__kernel void conv_direct_forward(__global float *out, __global const float *in, __global const float *packed) {
    const int x0 = ROW_START;
    const int y = get_global_id(1);
    const int n = get_global_id(2);
    floatv acc[XB];
    ROW_SUMS(acc, n, y, x0);
    const floatv b = VLOAD(TAPS, packed);
    float result[XB][COV];
    #pragma unroll
    for (int x = 0; x < XB; x++) VSTORE(ACTIVATE(floatv, acc[x] + b), 0, result[x]);
    __global float *dst = out + ((long) n * CO * HO + y) * WO + x0;
    #pragma unroll
    for (int o = 0; o < CO; o++) {
        #pragma unroll
        for (int x = 0; x < XB; x++) dst[o * (HO * WO) + x] = result[x][o];
    }
}

// global ((WO + XB - 1) / XB, HO / POOL, N): the POOL rows of one pooled row, XB outputs of each (x0 a
// multiple of POOL, as XB and WO are), their pooled values summed in the window's row-major order as
// avgpool.cl sums them.
__kernel void conv_direct_forward_pooled(__global float *out, __global float *pooled, __global const float *in,
                                         __global const float *packed) {
    const int x0 = ROW_START;
    const int py = get_global_id(1);
    const int n = get_global_id(2);
    const floatv b = VLOAD(TAPS, packed);
    floatv sums[XB / POOL];
    #pragma unroll
    for (int j = 0; j < XB / POOL; j++) sums[j] = (floatv) (0.0f);
    for (int r = 0; r < POOL; r++) {
        const int y = py * POOL + r;
        floatv acc[XB];
        ROW_SUMS(acc, n, y, x0);
        float result[XB][COV];
        #pragma unroll
        for (int x = 0; x < XB; x++) {
            const floatv value = ACTIVATE(floatv, acc[x] + b);
            sums[x / POOL] += value;
            VSTORE(value, 0, result[x]);
        }
        __global float *dst = out + ((long) n * CO * HO + y) * WO + x0;
        #pragma unroll
        for (int o = 0; o < CO; o++) {
            #pragma unroll
            for (int x = 0; x < XB; x++) dst[o * (HO * WO) + x] = result[x][o];
        }
    }
    float means[XB / POOL][COV];
    #pragma unroll
    for (int j = 0; j < XB / POOL; j++) VSTORE(sums[j] / POOL_AREA, 0, means[j]);
    __global float *dst = pooled + ((long) n * CO * HP + py) * WP + x0 / POOL;
    #pragma unroll
    for (int o = 0; o < CO; o++) {
        #pragma unroll
        for (int j = 0; j < XB / POOL; j++) dst[o * (HP * WP) + j] = means[j][o];
    }
}

// global (HO, N): one output row, all channels. Every channel's value at x sits at a constant offset from the
// row's start in the output (and in d_out), so each lane of a position's vector is one load at base + x +
// constant; one work-item per position instead spent most of its instructions working out 2 * CO addresses.
__kernel void conv_direct_dz(__global float *dz, __global const float *d_out, __global const float *out) {
    const int y = get_global_id(0);
    const int n = get_global_id(1);
    const __global float *value = out + ((long) n * CO * HO + y) * WO; // channel o at + o * HO * WO
#if POOL > 1
    const __global float *d = d_out + ((long) n * CO * HP + y / POOL) * WP; // channel o at + o * HP * WP
#else
    const __global float *d = d_out + ((long) n * CO * HO + y) * WO;
#endif
    __global float *dst = dz + ((long) n * HO + y) * WO * COV;
    for (int x = 0; x < WO; x++) {
        float g[COV];
        #pragma unroll
        for (int o = 0; o < COV; o++) {
#if POOL > 1
            // As AvgPool2d's backward: the window's gradient divided by its area, then the activation's slope.
            g[o] = o < CO ? d[o * (HP * WP) + x / POOL] / POOL_AREA * activation_slope(value[o * (HO * WO) + x]) : 0.0f;
#else
            g[o] = o < CO ? d[o * (HO * WO) + x] * activation_slope(value[o * (HO * WO) + x]) : 0.0f;
#endif
        }
        VSTORE(VLOAD(0, g), x, dst);
    }
}

// global (K, CI, PARTS), work-groups of one item (few items, each long: the cores must share them out).
// partial[part][i][kh][kw][COV], then the bias sums partial[part][TAPS][COV].
__kernel void conv_direct_weight_gradient(__global float *partial, __global const float *dz,
                                          __global const float *in) {
    const int kh = get_global_id(0);
    const int i = get_global_id(1);
    const int part = get_global_id(2);
    const bool sums_bias = kh == 0 && i == 0;
    floatv acc[K];
    #pragma unroll
    for (int kw = 0; kw < K; kw++) acc[kw] = (floatv) (0.0f);
    floatv bias_acc = (floatv) (0.0f);
    for (int n = part; n < BATCH; n += PARTS) {
        for (int y = 0; y < HO; y++) {
            const __global float *grad = dz + ((long) n * HO + y) * WO * COV;
            if (sums_bias) {
                #pragma unroll
                for (int x = 0; x < WO; x++) bias_acc += VLOAD(x, grad);
            }
            const int ih = y + kh - PAD;
            if (ih < 0 || ih >= H) continue;
            // Inputs straight from memory (x and kw are constants once unrolled, so the padding's taps drop
            // out): each FMA broadcasts its input from memory; a row copied into a private array first would
            // live in registers and cost a shuffle per FMA to broadcast.
            const __global float *row = in + (((long) n * CI + i) * H + ih) * W;
            #pragma unroll
            for (int x = 0; x < WO; x++) {
                const floatv g = VLOAD(x, grad);
                #pragma unroll
                for (int kw = 0; kw < K; kw++) {
                    const int iw = x + kw - PAD;
                    if (iw >= 0 && iw < W) acc[kw] = fma((floatv) (row[iw]), g, acc[kw]);
                }
            }
        }
    }
    __global float *dst = partial + (long) part * PARTIAL;
    #pragma unroll
    for (int kw = 0; kw < K; kw++) VSTORE(acc[kw], (i * K + kh) * K + kw, dst);
    if (sums_bias) VSTORE(bias_acc, TAPS, dst);
}

#define PARTIAL_LANES COV
#include "conv_weight_gradient_sum.cl"

// global ((W + XB_IN - 1) / XB_IN, H, N * CI). Reads the weights packed by the forward of this step.
__kernel void conv_direct_input_gradient(__global float *dx, __global const float *dz, __global const float *packed) {
#if XB_IN == W
    const int x0 = 0; // one block: a constant, so the unrolled loops drop the taps that fall off the row
#else
    const int x0 = min((int) get_global_id(0) * XB_IN, W - XB_IN);
#endif
    const int ih = get_global_id(1);
    const int n = get_global_id(2) / CI;
    const int i = get_global_id(2) % CI;
    floatv acc[XB_IN];
    #pragma unroll
    for (int t = 0; t < XB_IN; t++) acc[t] = (floatv) (0.0f);
    for (int kh = 0; kh < K; kh++) {
        const int y = ih - kh + PAD; // the output row whose tap kh reads input row ih
        if (y < 0 || y >= HO) continue;
        const __global float *grad = dz + ((long) n * HO + y) * WO * COV;
        #pragma unroll
        for (int kw = 0; kw < K; kw++) {
            const floatv w = VLOAD((i * K + kh) * K + kw, packed);
            #pragma unroll
            for (int t = 0; t < XB_IN; t++) {
                const int x = x0 + t - kw + PAD;
                if (x >= 0 && x < WO) acc[t] = fma(VLOAD(x, grad), w, acc[t]);
            }
        }
    }
    __global float *dst = dx + (((long) n * CI + i) * H + ih) * W + x0;
    // Four values at a time: each vector folded to 4 lanes, then the four added across in 2 shuffle-add
    // steps into one float4, stored whole (fewer shuffles and stores than a lane_sum each).
    #pragma unroll
    for (int t = 0; t + 4 <= XB_IN; t += 4) {
        float4 q[4];
        #pragma unroll
        for (int j = 0; j < 4; j++) q[j] = fold4(acc[t + j]);
        const float4 h01 = (float4) (q[0].even, q[1].even) + (float4) (q[0].odd, q[1].odd);
        const float4 h23 = (float4) (q[2].even, q[3].even) + (float4) (q[2].odd, q[3].odd);
        vstore4((float4) (h01.even, h23.even) + (float4) (h01.odd, h23.odd), 0, dst + t);
    }
    #pragma unroll
    for (int t = XB_IN / 4 * 4; t < XB_IN; t++) dst[t] = lane_sum(acc[t]);
}
