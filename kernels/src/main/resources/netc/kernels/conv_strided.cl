// Direct convolution for strided layers with few input channels and a large kernel (AlexNet's conv1:
// 1 -> 96 channels, 11x11, stride 4, on 224x224), where im2col would write K*K = 121 copies of every
// output position (90 MB a batch of 64) for a GEMM whose inner dimension is only CI*K*K. Every kernel
// keeps 16 output channels in one float16 (COP = CO rounded up to 16, the extra lanes zero), so each
// input value is broadcast into one vector FMA per tap: explicit vectors, as PoCL does not vectorise
// across work-items around a loop.
//
//   conv_strided_pack:   packed[i][kh][kw][o] = W(o, i, kh, kw), then the packed bias; once per forward,
//                        as the weights change every step
//   conv_strided_pad:    padded[n][i][r][c] = in[n][i][r-PAD][c-PAD], 0 outside: the PH x PW window the
//                        taps read, so no kernel below tests a bound inside its loops
//   conv_strided_forward: out[n][o][y][x] = act(sum_{i,kh,kw} W(o,i,kh,kw) * padded[n][i][y*S+kh][x*S+kw] + b[o])
//   conv_strided_weight_gradient: dz[n][y][x][o] = d_out[n][o][y][x] * act'(out[n][o][y][x]), channels
//                        last (COP), and partial sums over images part, part+PARTS, ... of
//                        dw[o][i][kh][kw] = sum_{n,y,x} dz[n][y][x][o] * padded[n][i][y*S+kh][x*S+kw]
//                        and db[o] = sum_{n,y,x} dz[n][y][x][o]
//   conv_weight_gradient_sum (conv_weight_gradient_sum.cl): adds the partial sums in a fixed order (deterministic)
//   conv_strided_input_gradient: dx[n][i][ih][iw] = sum over the taps (kh, kw) and outputs (y, x) with
//                        y*S + kh = ih + PAD and x*S + kw = iw + PAD of sum_o dz[n][y][x][o] * W(o, i, kh, kw)
//
// Shapes (defines): CI input channels of H x W, CO output channels of HO x WO, kernel K x K, stride S,
// padding PAD; HO = (H + 2*PAD - K) / S + 1, WO likewise; PH = (HO-1)*S + K, PW = (WO-1)*S + K.
// The weight as the layer stores it: [CO][CI][K][K]; input, output and their gradients NCHW.
// Index convention: forward work-item (b, y, n*GROUPS + g) computes XB outputs of row y, channels
// 16g .. 16g+15, starting at x0 = min(b*XB, WO-XB) (the last block slides back to end at the edge: no
// guards, some outputs written twice with the same value). Weight-gradient work-item (gp, part) sums every
// tap for channels 16*CV*gp .. 16*CV*(gp+1)-1 over its images.

#include "activation.cl"

#ifndef CI
#define CI 1
#endif
#ifndef CO
#define CO 16
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
#ifndef S
#define S 1
#endif
#ifndef PAD
#define PAD 0
#endif
#ifndef XB
#define XB 1 // outputs of a row per forward work-item
#endif
#ifndef CV
#define CV 1 // 16-channel vectors per weight-gradient work-item: 1 or 2, dividing GROUPS
#endif
#ifndef BATCH
#define BATCH 1
#endif
#ifndef PARTS
#define PARTS 1 // weight-gradient partial sums, images split round-robin
#endif

#define COP ((CO + 15) / 16 * 16)
#define GROUPS (COP / 16)
#define HO ((H + 2 * PAD - K) / S + 1)
#define WO ((W + 2 * PAD - K) / S + 1)
#define PH ((HO - 1) * S + K)
#define PW ((WO - 1) * S + K)
#define TAPS (CI * K * K)
#define PACKED (TAPS * COP + COP) // packed weights, then the packed bias
#define PARTIAL PACKED            // one part's weight and bias sums, laid out as the packed weights

#define WEIGHT(o, i, kh, kw) weight[(((o) * CI + (i)) * K + (kh)) * K + (kw)]
#define PLANE(n, i) ((long) ((n) * CI + (i)) * (PH * PW)) // padded plane (n, i)

typedef float16 floatv;
#define LANES 16
#include "lane_sum.cl"

// One work-item per packed float: global PACKED.
__kernel void conv_strided_pack(__global float *packed, __global const float *weight, __global const float *bias) {
    const int j = get_global_id(0);
    const int o = j % COP;
    float value = 0.0f;
    if (o < CO) {
        const int tap = j / COP;
        value = tap < TAPS ? WEIGHT(o, tap / (K * K), tap / K % K, tap % K) : bias[o];
    }
    packed[j] = value;
}

// global (PW, PH, N * CI)
__kernel void conv_strided_pad(__global float *padded, __global const float *in) {
    const int c = get_global_id(0);
    const int r = get_global_id(1);
    const int plane = get_global_id(2);
    const int ih = r - PAD;
    const int iw = c - PAD;
    const bool inside = ih >= 0 && ih < H && iw >= 0 && iw < W;
    padded[(long) plane * (PH * PW) + r * PW + c] = inside ? in[((long) plane * H + ih) * W + iw] : 0.0f;
}

// global ((WO + XB - 1) / XB, HO, N * GROUPS)
// The loop runs over the input columns a block reads, each broadcast once into the FMAs of every (output,
// tap) pair that reads it (x * S + kw = t), with the K tap vectors of a kernel row held in registers.
// Looping over taps then outputs instead, the compiler found the same column under several (x, kw) pairs
// (S < K), kept their broadcasts live across the taps and spilled them to the stack. Consecutive columns
// feed the same few outputs, so each output keeps two sums (even and odd kw): twice the independent FMA
// chains, to cover the FMA's latency.
__kernel void conv_strided_forward(__global float *out, __global const float *padded, __global const float *packed) {
#if XB == WO
    const int x0 = 0;
#else
    const int x0 = min((int) get_global_id(0) * XB, WO - XB);
#endif
    const int y = get_global_id(1);
    const int n = get_global_id(2) / GROUPS;
    const int g = get_global_id(2) % GROUPS;
    floatv acc[2][XB]; // [kw % 2][x]: see above
    #pragma unroll
    for (int x = 0; x < XB; x++) acc[0][x] = acc[1][x] = (floatv) (0.0f);
    for (int i = 0; i < CI; i++) {
        for (int kh = 0; kh < K; kh++) {
            const __global float *row = padded + PLANE(n, i) + (y * S + kh) * PW + x0 * S;
            const __global float *taps = packed + (i * K + kh) * K * COP + g * 16;
            floatv w[K];
            #pragma unroll
            for (int kw = 0; kw < K; kw++) w[kw] = vload16(0, taps + kw * COP);
            #pragma unroll
            for (int t = 0; t < (XB - 1) * S + K; t++) {
                const floatv v = (floatv) (row[t]);
                #pragma unroll
                for (int x = 0; x < XB; x++) {
                    const int kw = t - x * S; // a constant once unrolled: the pairs that miss drop out
                    if (kw >= 0 && kw < K) acc[kw % 2][x] = fma(v, w[kw], acc[kw % 2][x]);
                }
            }
        }
    }
    const floatv b = vload16(0, packed + TAPS * COP + g * 16);
    float result[XB][16];
    #pragma unroll
    for (int x = 0; x < XB; x++) vstore16(ACTIVATE(floatv, acc[0][x] + acc[1][x] + b), 0, result[x]);
    const int channels = min(16, CO - g * 16);
    __global float *dst = out + (((long) n * CO + g * 16) * HO + y) * WO + x0;
    for (int o = 0; o < channels; o++) {
        #pragma unroll
        for (int x = 0; x < XB; x++) dst[o * (HO * WO) + x] = result[x][o];
    }
}

// global (GROUPS / CV, PARTS), work-groups of one item (few items, each long: the cores must share them out).
// Item (gp, part) takes images part, part + PARTS, ... one at a time: it writes the image's dz for its CV
// channel vectors (channels last, into dz, where the input gradient reads it too), then passes over that
// dz slice and the image's padded planes once per kernel row, CV * K vector sums (one per vector and kw)
// in registers, kept between images in its partial sums. An image's slice and planes (2 x 187 + 197 KB
// for AlexNet's conv1) stay in the core's cache across the passes; with a work-item per kernel row
// instead, each read dz from memory again: 11 times 72 MB at batch 64.
// partial[part][i][kh][kw][COP], then the bias sums partial[part][TAPS][COP].
__kernel void conv_strided_weight_gradient(__global float *partial, __global float *dz, __global const float *d_out,
                                           __global const float *out, __global const float *padded) {
    const int g0 = get_global_id(0) * CV;
    const int part = get_global_id(1);
    __global float *sums = partial + (long) part * PARTIAL + g0 * 16;
    floatv bias_acc[CV];
    #pragma unroll
    for (int c = 0; c < CV; c++) bias_acc[c] = (floatv) (0.0f);
    for (int n = part; n < BATCH; n += PARTS) {
        __global float *grad = dz + (long) n * (HO * WO) * COP + g0 * 16;
        #pragma unroll
        for (int c = 0; c < CV; c++) {
            const int channels = min(16, CO - (g0 + c) * 16);
            const __global float *d_plane = d_out + ((long) n * CO + (g0 + c) * 16) * (HO * WO);
            const __global float *out_plane = out + ((long) n * CO + (g0 + c) * 16) * (HO * WO);
            // The bias sums add a row's sum to an image's, then that to the part's: before a BatchNorm the exact bias gradient is 0, and one
            // running sum over a whole image left rounding residue 10x that of the GEMM path's bias gradient
            // (GraphParityTest's DenseNet stem failed its floor).
            floatv image_sum = (floatv) (0.0f);
            for (int y = 0; y < HO; y++) {
                floatv row_sum = (floatv) (0.0f);
                for (int x = 0; x < WO; x++) {
                    const int p = y * WO + x;
                    float d[16];
                    #pragma unroll
                    for (int o = 0; o < 16; o++) {
                        const int at = min(o, channels - 1) * (HO * WO) + p; // in bounds where the lane is unused
                        d[o] = o < channels ? d_plane[at] * activation_slope(out_plane[at]) : 0.0f;
                    }
                    const floatv v = vload16(0, d);
                    row_sum += v;
                    vstore16(v, c, grad + p * COP);
                }
                image_sum += row_sum;
            }
            bias_acc[c] += image_sum;
        }
        for (int i = 0; i < CI; i++) {
            for (int kh = 0; kh < K; kh++) {
                __global float *tap_sums = sums + (i * K + kh) * K * COP;
                floatv acc[CV][K];
                #pragma unroll
                for (int c = 0; c < CV; c++) {
                    #pragma unroll
                    for (int kw = 0; kw < K; kw++) {
                        acc[c][kw] = n == part ? (floatv) (0.0f) : vload16(c, tap_sums + kw * COP);
                    }
                }
                for (int y = 0; y < HO; y++) {
                    const __global float *grad_row = grad + y * WO * COP;
                    const __global float *row = padded + PLANE(n, i) + (y * S + kh) * PW;
                    for (int x = 0; x < WO; x++) {
                        floatv v[CV];
                        #pragma unroll
                        for (int c = 0; c < CV; c++) v[c] = vload16(c, grad_row + x * COP);
                        #pragma unroll
                        for (int kw = 0; kw < K; kw++) {
                            const floatv in_value = (floatv) (row[x * S + kw]);
                            #pragma unroll
                            for (int c = 0; c < CV; c++) acc[c][kw] = fma(in_value, v[c], acc[c][kw]);
                        }
                    }
                }
                #pragma unroll
                for (int c = 0; c < CV; c++) {
                    #pragma unroll
                    for (int kw = 0; kw < K; kw++) vstore16(acc[c][kw], c, tap_sums + kw * COP);
                }
            }
        }
    }
    #pragma unroll
    for (int c = 0; c < CV; c++) vstore16(bias_acc[c], c, sums + TAPS * COP);
}

#define PARTIAL_LANES COP
#include "conv_weight_gradient_sum.cl"

// global (W, H, N * CI). Reads the weights packed by the forward of this step. Only the taps whose stride
// phase matches reach an input: kh = (ih + PAD) mod S, then every S-th.
__kernel void conv_strided_input_gradient(__global float *dx, __global const float *dz, __global const float *packed) {
    const int iw = get_global_id(0);
    const int ih = get_global_id(1);
    const int n = get_global_id(2) / CI;
    const int i = get_global_id(2) % CI;
    floatv acc = (floatv) (0.0f);
    for (int kh = (ih + PAD) % S; kh < K; kh += S) {
        const int y = (ih + PAD - kh) / S;
        if (y >= HO) continue;
        if (y < 0) break; // kh only grows, so y only falls
        for (int kw = (iw + PAD) % S; kw < K; kw += S) {
            const int x = (iw + PAD - kw) / S;
            if (x >= WO) continue;
            if (x < 0) break;
            const __global float *grad = dz + (((long) n * HO + y) * WO + x) * COP;
            const __global float *taps = packed + ((i * K + kh) * K + kw) * COP;
            for (int g = 0; g < GROUPS; g++) acc = fma(vload16(g, grad), vload16(g, taps), acc);
        }
    }
    dx[(((long) n * CI + i) * H + ih) * W + iw] = lane_sum(acc);
}
