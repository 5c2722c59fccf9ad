// A dense layer at a small batch, where each product is a few matrix-vector products bound by
// streaming the weight (or its gradient) once; one kernel per pass, no packing, no separate passes:
//   dense_small_batch_forward:          out[n][o] = act(sum_i x[n][i] * w[o][i] + b[o])
//   dense_small_batch_weight_gradient:  dw[o][i] = sum_n dz[n][o] * x[n][i], db[o] = sum_n dz[n][o]
//   dense_small_batch_input_gradient_chunks, then _sum:  dx[n][i] = sum_o dz[n][o] * w[o][i]
// with dz = d_out * act'(out) computed before by activation_gradient.cl. Vectors are VW wide along
// `in`, where x, w, dw and dx are all contiguous; IN need not be a multiple of VW: the last IN % VW
// inputs are handled in scalars after the vectors. Every sum is in a fixed order: deterministic, and a
// slid-back last block recomputes its overlap with the same values.
//
// Shapes (defines): BATCH rows, IN inputs, OUT outputs; x and dx [BATCH][IN], w and dw [OUT][IN],
// b and db [OUT], out, d_out and dz [BATCH][OUT]. Index conventions are given per kernel below.

#include "activation.cl"

#ifndef BATCH
#define BATCH 1
#endif
#ifndef IN
#define IN 16
#endif
#ifndef OUT
#define OUT 1
#endif
#ifndef VW
#define VW 16 // vector width along `in`: 4, 8 or 16 (with IN < VW only the scalar tail runs)
#endif
#ifndef RB
#define RB 1 // weight rows (outputs) per work-item, at most OUT
#endif

#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
typedef XCAT(float, VW) floatv;
#define VLOAD XCAT(vload, VW)
#define VSTORE XCAT(vstore, VW)
#define SLICES (IN / VW)
#define TAIL (SLICES * VW)

#define LANES VW
#include "lane_sum.cl"

// ---- forward ----------------------------------------------------------------------------------------
// Work-item g reads weight rows o0 .. o0 + RB once against every input row (small enough to stay in
// cache), o0 = min(g * RB, OUT - RB): the last block slides back to end at the edge (no guards, a few
// results written twice with the same value).

// global ((OUT + RB - 1) / RB)
__kernel void dense_small_batch_forward(__global float *out, __global const float *x, __global const float *w,
                                        __global const float *b) {
    const int o0 = min((int) get_global_id(0) * RB, OUT - RB);
    __global const float *rows = w + (long) o0 * IN;
    floatv acc[BATCH][RB];
    #pragma unroll
    for (int n = 0; n < BATCH; n++) {
        #pragma unroll
        for (int r = 0; r < RB; r++) acc[n][r] = (floatv) (0.0f);
    }
    for (int s = 0; s < SLICES; s++) {
        floatv ws[RB];
        #pragma unroll
        for (int r = 0; r < RB; r++) ws[r] = VLOAD(s, rows + r * IN);
        #pragma unroll
        for (int n = 0; n < BATCH; n++) {
            const floatv xs = VLOAD(s, x + n * IN);
            #pragma unroll
            for (int r = 0; r < RB; r++) acc[n][r] = fma(xs, ws[r], acc[n][r]);
        }
    }
    #pragma unroll
    for (int n = 0; n < BATCH; n++) {
        #pragma unroll
        for (int r = 0; r < RB; r++) {
            float sum = lane_sum(acc[n][r]);
            for (int i = TAIL; i < IN; i++) sum = fma(x[n * IN + i], rows[r * IN + i], sum);
            out[n * OUT + o0 + r] = activate(sum + b[o0 + r]);
        }
    }
}

// ---- weight and bias gradients: dw[o][i] = sum_n dz[n][o] * x[n][i], db[o] = sum_n dz[n][o] --------
// Work-item g owns weight rows o0 .. o0 + RB (slid back as in the forward) and writes each whole row
// once, in order: at a small batch this is one streaming write of the weight's size.

// global ((OUT + RB - 1) / RB)
__kernel void dense_small_batch_weight_gradient(__global float *dw, __global float *db, __global const float *dz,
                                                __global const float *x) {
    const int o0 = min((int) get_global_id(0) * RB, OUT - RB);
    for (int r = 0; r < RB; r++) {
        const int o = o0 + r;
        float g[BATCH];
        float bias_sum = 0.0f;
        #pragma unroll
        for (int n = 0; n < BATCH; n++) {
            g[n] = dz[n * OUT + o];
            bias_sum += g[n];
        }
        __global float *row = dw + (long) o * IN;
        for (int s = 0; s < SLICES; s++) {
            floatv acc = (floatv) (g[0]) * VLOAD(s, x);
            #pragma unroll
            for (int n = 1; n < BATCH; n++) acc = fma((floatv) (g[n]), VLOAD(s, x + n * IN), acc);
            VSTORE(acc, s, row);
        }
        for (int i = TAIL; i < IN; i++) {
            float acc = g[0] * x[i];
            #pragma unroll
            for (int n = 1; n < BATCH; n++) acc = fma(g[n], x[n * IN + i], acc);
            row[i] = acc;
        }
        db[o] = bias_sum;
    }
}

// ---- input gradient: dx[n][i] = sum_o dz[n][o] * w[o][i] ------------------------------------------
// Reading w down its columns strides a whole row per step (25 KiB for AlexNet's fc1), which ran 3x
// slower than streaming it, so the rows are split into CHUNKS contiguous chunks of OC rows: work-item
// c streams its rows whole, in order, adding each into its own partial sum partial[c] (BATCH x IN
// floats, small enough to stay in cache); a second kernel adds the partial sums in chunk order.

#ifndef OC
#define OC 1 // weight rows per chunk
#endif
#define CHUNKS ((OUT + OC - 1) / OC)

// global (CHUNKS)
__kernel void dense_small_batch_input_gradient_chunks(__global float *partial, __global const float *dz,
                                                      __global const float *w) {
    const int c = get_global_id(0);
    const int o_begin = c * OC;
    const int o_end = min(o_begin + OC, OUT);
    __global float *p = partial + (long) c * BATCH * IN;
    // The chunk's first row initialises the partial sums: no separate clearing pass.
    __global const float *first = w + (long) o_begin * IN;
    for (int n = 0; n < BATCH; n++) {
        const float g = dz[n * OUT + o_begin];
        for (int s = 0; s < SLICES; s++) VSTORE((floatv) (g) * VLOAD(s, first), s, p + n * IN);
        for (int i = TAIL; i < IN; i++) p[n * IN + i] = g * first[i];
    }
    for (int o = o_begin + 1; o < o_end; o++) {
        __global const float *row = w + (long) o * IN;
        float g[BATCH];
        #pragma unroll
        for (int n = 0; n < BATCH; n++) g[n] = dz[n * OUT + o];
        for (int s = 0; s < SLICES; s++) {
            const floatv ws = VLOAD(s, row);
            #pragma unroll
            for (int n = 0; n < BATCH; n++) VSTORE(fma((floatv) (g[n]), ws, VLOAD(s, p + n * IN)), s, p + n * IN);
        }
        for (int i = TAIL; i < IN; i++) {
            #pragma unroll
            for (int n = 0; n < BATCH; n++) p[n * IN + i] = fma(g[n], row[i], p[n * IN + i]);
        }
    }
}

// global (BATCH * IN)
__kernel void dense_small_batch_input_gradient_sum(__global float *dx, __global const float *partial) {
    const int j = get_global_id(0);
    float sum = partial[j];
    for (int c = 1; c < CHUNKS; c++) sum += partial[(long) c * BATCH * IN + j];
    dx[j] = sum;
}
