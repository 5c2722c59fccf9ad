// DirectConv2d's kernels for layers with few output channels and wide rows (LeNet's conv1: 1 -> 6
// channels, 28 x 28), vectorised along the output row instead of over output channels: a channel
// vector there would leave lanes idle (6 of 8) and cost a broadcast and a scalar store per output,
// while a row of 28 outputs fills 28 of the 32 lanes of two float16 vectors. Each work-item first
// copies its image's input planes, zero-padded, into local memory (work-groups of one item: it is
// the item's own scratch); every kernel tap (kh, kw) then reads a padded row shifted by kw as whole
// unaligned vector loads, with no bounds checks, one vector FMA per output channel and half-row.
// (A private array instead gets split into scalars by the compiler and the shifted vectors rebuilt
// lane by lane.) Explicit vectors, because PoCL does not vectorise across work-items around a loop.
//
//   conv_rows_forward:         out[n][o][y][x] = act(sum_{i,kh,kw} W(o, i, kh, kw) * in[n][i][y+kh-PAD][x+kw-PAD] + bias[o]),
//                              and with POOL == 2 the 2 x 2 average pool of it too (summed in the window's
//                              row-major order, as avgpool.cl sums)
//   conv_rows_weight_gradient: partial sums over images part, part+PARTS, ... of
//                              dw[o][i][kh][kw] = sum_{n,y,x} dz[n][o][y][x] * in[n][i][y+kh-PAD][x+kw-PAD]
//                              and db[o] = sum dz, where dz = d_out * act'(out) is computed on the fly (with
//                              POOL == 2 from the pooled gradient, spread as the pool's backward does: d / 4),
//                              so no dz pass; the sums land in conv_direct.cl's partial
//                              layout, which conv_weight_gradient_sum adds up
//
// Shapes (defines): CI input channels of H x W, CO output channels of HO x WO, kernel K x K, padding
// PAD, POOL 1 or 2; COV, BATCH and PARTS as in conv_direct.cl (COV only for the partial layout).
// Input, output and their gradients NCHW; weights as the layer stores them, [CO][CI][K][K].
// Index convention: forward work-item n computes image n, all channels; weight-gradient work-item
// (o, i, part). Every work-group is one work-item. Padded planes: row r, column c of plane i at
// planes[(i * PH + r) * PITCH + c] holds in[n][i][r - PAD][c - PAD], zero outside the input.

#include "activation.cl"

#ifndef CI
#define CI 1
#endif
#ifndef CO
#define CO 1
#endif
#ifndef COV
#define COV 4
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
#ifndef POOL
#define POOL 1 // 1 (none) or 2: a 2 x 2 average pool at stride 2 fused after the convolution
#endif
#ifndef BATCH
#define BATCH 1
#endif
#ifndef PARTS
#define PARTS 1
#endif

#define HO (H + 2 * PAD - K + 1)
#define WO (W + 2 * PAD - K + 1)
#define HP (HO / POOL)
#define WP (WO / POOL)
#define HALVES ((WO + 15) / 16)            // float16 vectors per output row: 1 or 2
#define PH (H + 2 * PAD)                   // padded plane rows
#define STAGED_WIDTH (PAD + (W + 15) / 16 * 16) // what staging writes of a row: whole vectors from PAD on
#define READ_WIDTH (HALVES * 16 + K - 1)         // what the shifted loads read of a row
#define PITCH (((STAGED_WIDTH > READ_WIDTH ? STAGED_WIDTH : READ_WIDTH) + 15) / 16 * 16) // a padded row
#define TAPS (CI * K * K)
#define PARTIAL (TAPS * COV + COV)         // conv_direct.cl's layout of one part's sums

#if POOL != 1 && POOL != 2
#error "conv_direct_rows.cl fuses only a 2 x 2 pool (POOL 1 or 2)"
#endif
#if HALVES > 2 || K > 16
#error "conv_direct_rows.cl takes output rows of at most 32 values and kernels of at most 16"
#endif

typedef float16 floatv;
#define LANES 16
#include "lane_sum.cl"

#define WEIGHT(o, i, kh, kw) weight[(((o) * CI + (i)) * K + (kh)) * K + (kw)]

// Whole-vector loads and stores at any float's address: PoCL's vload8, vstore8 and vstore16 on global
// memory came out as two to four narrower moves and inserts each; through a vector type aligned to a float
// they are one unaligned move.
typedef float8 __attribute__((aligned(4))) float8_unaligned;
typedef float16 __attribute__((aligned(4))) float16_unaligned;
#define LOAD8(p) (*(const __global float8_unaligned *) (p))
#define STORE8(v, p) (*(__global float8_unaligned *) (p) = (v))
#define LOAD16(p) (*(const __global float16_unaligned *) (p))
#define STORE16(v, p) (*(__global float16_unaligned *) (p) = (v))

// The first count floats at src (count a constant once inlined, 0 <= count <= 16), the rest zero.
inline float4 load_first4(const __global float *src, const int count) {
    if (count >= 4) return vload4(0, src);
    if (count == 3) return (float4) (vload2(0, src), src[2], 0.0f);
    if (count == 2) return (float4) (vload2(0, src), 0.0f, 0.0f);
    return count == 1 ? (float4) (src[0], 0.0f, 0.0f, 0.0f) : (float4) (0.0f);
}
inline float8 load_first8(const __global float *src, const int count) {
    if (count >= 8) return vload8(0, src);
    if (count >= 4) return (float8) (vload4(0, src), load_first4(src + 4, count - 4));
    return (float8) (load_first4(src, count), (float4) (0.0f));
}
inline float16 load_first16(const __global float *src, const int count) {
    if (count >= 16) return vload16(0, src);
    if (count >= 8) return (float16) (vload8(0, src), load_first8(src + 8, count - 8));
    return (float16) (load_first8(src, count), (float8) (0.0f));
}

// The first count lanes of v to dst (count a constant once inlined, 0 <= count <= 16).
inline void store_first4(const float4 v, __global float *dst, const int count) {
    if (count >= 4) {
        vstore4(v, 0, dst);
    } else {
        if (count >= 2) vstore2(v.lo, 0, dst);
        if (count == 3) dst[2] = v.z;
        if (count == 1) dst[0] = v.x;
    }
}
inline void store_first8(const float8 v, __global float *dst, const int count) {
    if (count >= 8) {
        vstore8(v, 0, dst);
    } else if (count >= 4) {
        vstore4(v.lo, 0, dst);
        store_first4(v.hi, dst + 4, count - 4);
    } else {
        store_first4(v.lo, dst, count);
    }
}
inline void store_first16(const float16 v, __global float *dst, const int count) {
    if (count >= 16) {
        vstore16(v, 0, dst);
    } else if (count >= 8) {
        vstore8(v.lo, 0, dst);
        store_first8(v.hi, dst + 8, count - 8);
    } else {
        store_first8(v.lo, dst, count);
    }
}

// Lanes of half h that hold values of a row of width values: the first 16, then the rest.
#define HALF_COUNT(h, width) ((h) == 0 ? min(16, (width)) : (width) - 16)
// Where chunk h of a row of width >= 16 values starts: every chunk a whole vector, the last one ending
// at the row's end, so overlapping the one before when 16 does not divide width. Whole vector loads and
// stores instead of partial ones (a vector of 12 cost a load and an insert per 4 lanes); the overlapped
// lanes of an output row are computed twice, by the same operations in the same order: the same values.
#define CHUNK_START(h, width) min(16 * (h), (width) - 16)
// Lanes of output half h that another half also holds (half 1 of a row of 16 < WO < 32: the first 32 - WO).
// Where output half h starts in its row (and so in the padded input rows its taps read).
#define OUT_START(h) (WO >= 16 ? CHUNK_START(h, WO) : 0)
#define OVERLAP(h) ((h) == 1 && WO >= 16 ? 32 - WO : 0)

// Half h of a row of width values (width and h constants once inlined), lanes past the row zero.
inline float16 load_half(const __global float *row, const int h, const int width) {
    return width >= 16 ? LOAD16(row + CHUNK_START(h, width)) : load_first16(row + 16 * h, HALF_COUNT(h, width));
}

// Half h of an output row, the first count lanes of it for rows under 16 values.
inline void store_half(const float16 v, __global float *row, const int h, const int width) {
    if (width >= 16) {
        STORE16(v, row + CHUNK_START(h, width));
    } else {
        store_first16(v, row + 16 * h, HALF_COUNT(h, width));
    }
}

// Zeroes planes[0 .. count), count a multiple of 16.
inline void zero_local(__local float *planes, const int count) {
    for (int t = 0; t < count; t += 16) vstore16((float16) (0.0f), 0, planes + t);
}

// Copies plane i of image n into the padded plane at plane (the padding, zeroed once, stays zero).
inline void stage_plane(__local float *plane, const __global float *in, const int n, const int i) {
    const __global float *src = in + ((long) n * CI + i) * (H * W);
    __local float *dst = plane + PAD * PITCH + PAD;
    for (int r = 0; r < H; r++) {
        #pragma unroll
        for (int h = 0; h < (W + 15) / 16; h++) {
            if (W >= 16) {
                vstore16(LOAD16(src + r * W + CHUNK_START(h, W)), 0, dst + r * PITCH + CHUNK_START(h, W));
            } else {
                // whole vectors, their zero lanes landing in the padding
                vstore16(load_first16(src + r * W, W), 0, dst + r * PITCH);
            }
        }
    }
}

// global (N), work-groups of one item.
__kernel void conv_rows_forward(__global float *out,
#if POOL > 1
                                __global float *pooled,
#endif
                                __global const float *in, __global const float *weight,
                                __global const float *bias) {
    __local float planes[CI * PH * PITCH];
    const int n = get_global_id(0);
    zero_local(planes, CI * PH * PITCH);
    for (int i = 0; i < CI; i++) stage_plane(planes + i * PH * PITCH, in, n, i);
    for (int y = 0; y < HO; y++) {
        float16 acc[CO][HALVES];
        #pragma unroll
        for (int o = 0; o < CO; o++) {
            #pragma unroll
            for (int h = 0; h < HALVES; h++) acc[o][h] = (float16) (0.0f);
        }
        for (int i = 0; i < CI; i++) {
            // A loop, not unrolled: unrolled, the compiler runs each accumulator's whole chain of K * K
            // FMAs before the next one's, which waits on the FMA latency and spills the shared loads.
            #pragma unroll 1
            for (int kh = 0; kh < K; kh++) {
                const __local float *row = planes + (i * PH + y + kh) * PITCH;
                #pragma unroll
                for (int kw = 0; kw < K; kw++) {
                    float16 shifted[HALVES];
                    #pragma unroll
                    for (int h = 0; h < HALVES; h++) shifted[h] = vload16(0, row + OUT_START(h) + kw);
                    #pragma unroll
                    for (int o = 0; o < CO; o++) {
                        const float16 w = (float16) (WEIGHT(o, i, kh, kw));
                        #pragma unroll
                        for (int h = 0; h < HALVES; h++) acc[o][h] = fma(shifted[h], w, acc[o][h]);
                    }
                }
            }
        }
        // All activations first, then the stores: in one basic block the CO * HALVES exponentials (each a
        // chain of about 20 dependent operations) can run side by side; interleaved with the stores and the
        // pool's branch, each chain ran mostly alone and the epilogue waited on their latency.
        float16 value[CO][HALVES];
        #pragma unroll
        for (int o = 0; o < CO; o++) {
            #pragma unroll
            for (int h = 0; h < HALVES; h++) value[o][h] = ACTIVATE(float16, acc[o][h] + (float16) (bias[o]));
        }
        #pragma unroll
        for (int o = 0; o < CO; o++) {
            __global float *dst = out + (((long) n * CO + o) * HO + y) * WO;
            #pragma unroll
            for (int h = 0; h < HALVES; h++) store_half(value[o][h], dst, h, WO);
        }
#if POOL > 1
        if (y % 2 == 1) {
            #pragma unroll
            for (int o = 0; o < CO; o++) {
                __global float *dst = out + (((long) n * CO + o) * HO + y) * WO;
                #pragma unroll
                for (int h = 0; h < HALVES; h++) {
                    // The row above comes back from the output just written (no pool sums held in registers
                    // through this row's, which would spill), summed in avgpool.cl's order:
                    // ((top-left + top-right) + bottom-left) + bottom-right.
                    const float16 above = load_half(dst - WO, h, WO);
                    const float8 sum = above.even + above.odd + value[o][h].even + value[o][h].odd;
                    __global float *pooled_row = pooled + (((long) n * CO + o) * HP + y / 2) * WP;
                    if (WO >= 16) {
                        STORE8(sum / 4.0f, pooled_row + OUT_START(h) / 2);
                    } else {
                        store_first8(sum / 4.0f, pooled_row, WP);
                    }
                }
            }
        }
#endif
    }
}

// Half h of row y of channel o of image n of dz = d_out * act'(out), lanes past the row and lanes another
// half holds (OVERLAP) zero, so that they add nothing to the sums they multiply. With POOL == 2 d_out is
// the pooled gradient, and dz is 4 times the true one: the pool's 1/4, a power of two, is applied to the
// finished sums instead (exact, so the same result as dividing each term).
inline float16 dz_half(const __global float *d_out, const __global float *out, const int n, const int o,
                       const int y, const int h) {
    const float16 value = load_half(out + (((long) n * CO + o) * HO + y) * WO, h, WO);
#if POOL > 1
    // As AvgPool2d's backward: each pooled gradient to both columns of its window.
    const __global float *pooled_row = d_out + (((long) n * CO + o) * HP + y / 2) * WP;
    const float8 g = WO >= 16 ? LOAD8(pooled_row + OUT_START(h) / 2) : load_first8(pooled_row, WP);
    const float16 d = (float16) (g.s0, g.s0, g.s1, g.s1, g.s2, g.s2, g.s3, g.s3,
                                 g.s4, g.s4, g.s5, g.s5, g.s6, g.s6, g.s7, g.s7);
#else
    const float16 d = load_half(d_out + (((long) n * CO + o) * HO + y) * WO, h, WO);
#endif
    const float16 dz = d * ACTIVATION_SLOPE(float16, value);
    if (OVERLAP(h) == 0) return dz;
    const int16 lane = (int16) (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    return select(dz, (float16) (0.0f), lane < (int16) (OVERLAP(h)));
}

// The pool's 1/4 that dz_half leaves out.
#define DZ_SCALE (POOL > 1 ? 0.25f : 1.0f)

// Output rows of dz the weight gradient takes together: each shifted input vector it loads (input row
// y0 + r, shifted by kw) then serves up to YB of them (taps kh = r - b of rows y0 + b), so it loads
// (YB + K - 1) * K vectors per YB rows instead of YB * K * K. YB rows of dz (one half) and the K * K sums
// fit in the 32 vector registers up to K = 5, the largest kernel the row kernels take.
#define YB 4
#define PASSES ((HO + YB - 1) / YB)
#define PLANE_ROWS (PASSES * YB + K - 1) // the padded plane and the rows a last partial pass reads past it (zero)

// global (CO, CI, PARTS), work-groups of one item (few long items: the cores must share them out).
// With ACTIVATION none, out may be d_out itself (its values then unused).
__kernel void conv_rows_weight_gradient(__global float *partial, __global const float *d_out,
                                        __global const float *out, __global const float *in) {
    __local float plane[PLANE_ROWS * PITCH];
    const int o = get_global_id(0);
    const int i = get_global_id(1);
    const int part = get_global_id(2);
    zero_local(plane, PLANE_ROWS * PITCH);
    float16 acc[K][K];
    #pragma unroll
    for (int kh = 0; kh < K; kh++) {
        #pragma unroll
        for (int kw = 0; kw < K; kw++) acc[kh][kw] = (float16) (0.0f);
    }
    float16 bias_acc = (float16) (0.0f);
    for (int n = part; n < BATCH; n += PARTS) {
        stage_plane(plane, in, n, i);
        for (int pass = 0; pass < PASSES; pass++) {
            const int y0 = pass * YB;
            #pragma unroll
            for (int h = 0; h < HALVES; h++) {
                float16 dz[YB]; // rows past the output zero: they add nothing
                #pragma unroll
                for (int b = 0; b < YB; b++) dz[b] = y0 + b < HO ? dz_half(d_out, out, n, o, y0 + b, h) : (float16) (0.0f);
                if (CI == 1 || i == 0) { // CI == 1: no branch at all (i is then always 0)
                    #pragma unroll
                    for (int b = 0; b < YB; b++) bias_acc += dz[b];
                }
                #pragma unroll
                for (int r = 0; r < YB + K - 1; r++) {
                    const __local float *row = plane + (y0 + r) * PITCH + OUT_START(h);
                    #pragma unroll
                    for (int kw = 0; kw < K; kw++) {
                        const float16 shifted = vload16(0, row + kw);
                        #pragma unroll
                        for (int b = 0; b < YB; b++) {
                            if (r - b >= 0 && r - b < K) acc[r - b][kw] = fma(shifted, dz[b], acc[r - b][kw]);
                        }
                    }
                }
            }
        }
    }
    __global float *dst = partial + (long) part * PARTIAL;
    #pragma unroll
    for (int kh = 0; kh < K; kh++) {
        #pragma unroll
        for (int kw = 0; kw < K; kw++) dst[((i * K + kh) * K + kw) * COV + o] = lane_sum(acc[kh][kw]) * DZ_SCALE;
    }
    if (i == 0) dst[TAPS * COV + o] = lane_sum(bias_acc) * DZ_SCALE;
}
