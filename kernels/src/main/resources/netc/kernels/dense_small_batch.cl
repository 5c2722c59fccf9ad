// A dense layer's forward at a small batch, where it is a few matrix-vector products bound by reading
// the weight once: out[n][o] = act(sum_i x[n][i] * w[o][i] + b[o]). Each work-item reads RB whole
// weight rows once, in VW-wide vectors along `in` (contiguous in both x and w), against all BATCH
// input rows (small enough to stay in cache), and writes its BATCH x RB results with bias and
// activation fused: no packing, no separate epilogue pass. Every sum is in a fixed order:
// deterministic, and a slid-back last block recomputes its overlap with the same values.
//
// Shapes (defines): BATCH rows, IN inputs, OUT outputs; x [BATCH][IN], w [OUT][IN], b [OUT],
// out [BATCH][OUT]. Index convention: work-item g computes outputs o0 .. o0 + RB of every row, with
// o0 = min(g * RB, OUT - RB) (the last block slides back to end at the edge: no guards, a few
// results written twice with the same value). IN need not be a multiple of VW: the last IN % VW
// inputs are summed in scalars after the vector sums.

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
#define SLICES (IN / VW)
#define TAIL (SLICES * VW)

#define LANES VW
#include "lane_sum.cl"

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
