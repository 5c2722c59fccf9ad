// A small fully connected layer in one kernel per product, for layers whose GEMMs are too small to
// pay for packing and separate bias, activation and gradient passes (LeNet's 400→120→84→10):
//   dense_small_forward:  out[n][o] = act(sum_i x[n][i] * w[o][i] + b[o])
//   dense_small_input_gradient:  dx[n][i] = sum_o dz[n][o] * w[o][i]
//   dense_small_weight_gradient: dw[o][i] = sum_n dz[n][o] * x[n][i], db[o] = sum_n dz[n][o]
// with dz = d_out * act'(out) taken by each gradient kernel where it reads it (dz4 / dz1 below: a few
// vector operations per row, against a launch of its own). The
// products run over VW-wide vectors along `in`, where x, w, dx and dw are all contiguous
// (VW = 16, 8 or 4 divides IN); every sum is in a fixed order: deterministic.
//
// Shapes (defines): BATCH rows, IN inputs, OUT outputs; x [BATCH][IN], w [OUT][IN], out and d_out
// [BATCH][OUT], dx [BATCH][IN]. Index convention: the forward work-item (ob, nb) computes the NB x OB
// block of out starting at (min(nb*NB, BATCH-NB), min(ob*OB, OUT-OB)) (a last block slides back to
// end at the edge: no guards, a few results written twice with the same value); gradient work-items
// take SP VW-wide slices of `in` and NB rows (input gradient) or OB outputs (weight gradient).

#include "activation.cl"

#ifndef BATCH
#define BATCH 1
#endif
#ifndef IN
#define IN 4
#endif
#ifndef OUT
#define OUT 1
#endif
#ifndef VW
#define VW 4 // vector width along `in`: 4, 8 or 16, dividing IN
#endif
#ifndef NB
#define NB 1 // rows per work-item, at most BATCH
#endif
#ifndef OB
#define OB 1 // outputs per work-item, at most OUT
#endif

#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
typedef XCAT(float, VW) floatv;
#define VLOAD XCAT(vload, VW)
#define VSTORE XCAT(vstore, VW)
#define SLICES (IN / VW)

#define LANES VW
#include "lane_sum.cl"

// The lane sums of four float4 partials as one float4 (lane c: the sum of q_c), in the order lane_sum
// adds them: (q.s0 + q.s2) + (q.s1 + q.s3).
inline float4 sums_of_4(const float4 q0, const float4 q1, const float4 q2, const float4 q3) {
    const float4 h01 = (float4) (q0.lo + q0.hi, q1.lo + q1.hi); // (q0 pair, q1 pair)
    const float4 h23 = (float4) (q2.lo + q2.hi, q3.lo + q3.hi);
    return (float4) (h01.even, h23.even) + (float4) (h01.odd, h23.odd);
}

// global ((OUT + OB - 1) / OB, (BATCH + NB - 1) / NB)
__kernel void dense_small_forward(__global float *out, __global const float *x, __global const float *w,
                                  __global const float *b) {
    const int o0 = min((int) get_global_id(0) * OB, OUT - OB);
    const int n0 = min((int) get_global_id(1) * NB, BATCH - NB);
    floatv acc[NB][OB];
    #pragma unroll
    for (int r = 0; r < NB; r++) {
        #pragma unroll
        for (int c = 0; c < OB; c++) acc[r][c] = (floatv) (0.0f);
    }
    for (int s = 0; s < SLICES; s++) {
        floatv xs[NB];
        #pragma unroll
        for (int r = 0; r < NB; r++) xs[r] = VLOAD(s, x + (n0 + r) * IN);
        #pragma unroll
        for (int c = 0; c < OB; c++) {
            const floatv ws = VLOAD(s, w + (o0 + c) * IN);
            #pragma unroll
            for (int r = 0; r < NB; r++) acc[r][c] = fma(xs[r], ws, acc[r][c]);
        }
    }
#if NB == 4 && OB == 4
    // The 16 sums as one float16 (lane 4r + c), then bias and activation on it as a vector: done per
    // scalar (16 lane sums, 16 activations) the epilogue cost about as much as the k loop at IN = 400.
    float4 rows[NB];
    #pragma unroll
    for (int r = 0; r < NB; r++) rows[r] = sums_of_4(fold4(acc[r][0]), fold4(acc[r][1]), fold4(acc[r][2]),
                                                     fold4(acc[r][3]));
    const float4 bias = vload4(0, b + o0);
    const float16 z = (float16) (rows[0] + bias, rows[1] + bias, rows[2] + bias, rows[3] + bias);
    const float16 y = ACTIVATE(float16, z);
    vstore4(y.s0123, 0, out + (n0 + 0) * OUT + o0);
    vstore4(y.s4567, 0, out + (n0 + 1) * OUT + o0);
    vstore4(y.s89ab, 0, out + (n0 + 2) * OUT + o0);
    vstore4(y.scdef, 0, out + (n0 + 3) * OUT + o0);
#else
    #pragma unroll
    for (int r = 0; r < NB; r++) {
        #pragma unroll
        for (int c = 0; c < OB; c++) out[(n0 + r) * OUT + o0 + c] = activate(lane_sum(acc[r][c]) + b[o0 + c]);
    }
#endif
}

// dz = d_out * act'(out) for 4 consecutive outputs of one row, from the forward's output (as
// activation_gradient.cl computes it, the same float operations): each gradient kernel takes its dz here
// instead of from a separate pass, which cost a launch and a write and read of dz per layer.
inline float4 dz4(__global const float *d_out, __global const float *out, const int at) {
    return vload4(0, d_out + at) * ACTIVATION_SLOPE(float4, vload4(0, out + at));
}

inline float dz1(__global const float *d_out, __global const float *out, const int at) {
    return d_out[at] * activation_slope(out[at]);
}

// Each gradient work-item takes SP consecutive slices of `in`: SP vector FMAs per dz it loads and per
// slope it takes.
#ifndef SP
#define SP 1 // slices per gradient work-item, dividing SLICES
#endif
#if SLICES % SP != 0
#error "SP must divide IN / VW"
#endif

// global (SLICES / SP, (BATCH + NB - 1) / NB). Outputs four at a time: one float4 of dz per
// row, then one vector FMA per output, slice and row, in the order o = 0, 1, ... as the scalar tail.
__kernel void dense_small_input_gradient(__global float *dx, __global const float *d_out,
                                         __global const float *out, __global const float *w) {
    const int s0 = (int) get_global_id(0) * SP;
    const int n0 = min((int) get_global_id(1) * NB, BATCH - NB);
    floatv acc[SP][NB];
    #pragma unroll
    for (int k = 0; k < SP; k++) {
        #pragma unroll
        for (int r = 0; r < NB; r++) acc[k][r] = (floatv) (0.0f);
    }
    int o = 0;
    for (; o + 4 <= OUT; o += 4) {
        floatv w0[SP], w1[SP], w2[SP], w3[SP];
        #pragma unroll
        for (int k = 0; k < SP; k++) {
            w0[k] = VLOAD(s0 + k, w + (o + 0) * IN);
            w1[k] = VLOAD(s0 + k, w + (o + 1) * IN);
            w2[k] = VLOAD(s0 + k, w + (o + 2) * IN);
            w3[k] = VLOAD(s0 + k, w + (o + 3) * IN);
        }
        #pragma unroll
        for (int r = 0; r < NB; r++) {
            const float4 g = dz4(d_out, out, (n0 + r) * OUT + o);
            #pragma unroll
            for (int k = 0; k < SP; k++) {
                acc[k][r] = fma((floatv) (g.s0), w0[k], acc[k][r]);
                acc[k][r] = fma((floatv) (g.s1), w1[k], acc[k][r]);
                acc[k][r] = fma((floatv) (g.s2), w2[k], acc[k][r]);
                acc[k][r] = fma((floatv) (g.s3), w3[k], acc[k][r]);
            }
        }
    }
    for (; o < OUT; o++) {
        #pragma unroll
        for (int r = 0; r < NB; r++) {
            const float g = dz1(d_out, out, (n0 + r) * OUT + o);
            #pragma unroll
            for (int k = 0; k < SP; k++) acc[k][r] = fma((floatv) (g), VLOAD(s0 + k, w + o * IN), acc[k][r]);
        }
    }
    #pragma unroll
    for (int k = 0; k < SP; k++) {
        #pragma unroll
        for (int r = 0; r < NB; r++) VSTORE(acc[k][r], s0 + k, dx + (n0 + r) * IN);
    }
}

// global (SLICES / SP, (OUT + OB - 1) / OB); the items at slice 0 also write the bias gradient.
__kernel void dense_small_weight_gradient(__global float *dw, __global float *db, __global const float *d_out,
                                          __global const float *out, __global const float *x) {
    const int s0 = (int) get_global_id(0) * SP;
    const int o0 = min((int) get_global_id(1) * OB, OUT - OB);
    floatv acc[SP][OB];
    #pragma unroll
    for (int k = 0; k < SP; k++) {
        #pragma unroll
        for (int c = 0; c < OB; c++) acc[k][c] = (floatv) (0.0f);
    }
#if OB == 4
    // The block's four dz of a row as one float4 (two vector loads instead of eight scalar ones).
    float4 bias_acc = (float4) (0.0f);
    for (int n = 0; n < BATCH; n++) {
        const float4 g = dz4(d_out, out, n * OUT + o0);
        #pragma unroll
        for (int k = 0; k < SP; k++) {
            const floatv xs = VLOAD(s0 + k, x + n * IN);
            acc[k][0] = fma((floatv) (g.s0), xs, acc[k][0]);
            acc[k][1] = fma((floatv) (g.s1), xs, acc[k][1]);
            acc[k][2] = fma((floatv) (g.s2), xs, acc[k][2]);
            acc[k][3] = fma((floatv) (g.s3), xs, acc[k][3]);
        }
        bias_acc += g;
    }
    if (s0 == 0) vstore4(bias_acc, 0, db + o0);
#else
    float bias_acc[OB];
    #pragma unroll
    for (int c = 0; c < OB; c++) bias_acc[c] = 0.0f;
    for (int n = 0; n < BATCH; n++) {
        #pragma unroll
        for (int c = 0; c < OB; c++) {
            const float g = dz1(d_out, out, n * OUT + o0 + c);
            #pragma unroll
            for (int k = 0; k < SP; k++) acc[k][c] = fma((floatv) (g), VLOAD(s0 + k, x + n * IN), acc[k][c]);
            bias_acc[c] += g;
        }
    }
    if (s0 == 0) {
        #pragma unroll
        for (int c = 0; c < OB; c++) db[o0 + c] = bias_acc[c];
    }
#endif
    #pragma unroll
    for (int k = 0; k < SP; k++) {
        #pragma unroll
        for (int c = 0; c < OB; c++) VSTORE(acc[k][c], s0 + k, dw + (o0 + c) * IN);
    }
}
