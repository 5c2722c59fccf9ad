// Max pooling over square windows per channel, PyTorch's MaxPool2d in floor mode: padding counts as
// minus infinity, and each window remembers its arg-max, the FIRST maximum in row-major window order
// (a strict '>' as PyTorch's CPU kernel; a NaN always wins, as there).
//
// Shapes: N batch, C channels, IN_H x IN_W input planes, OUT_H x OUT_W output planes,
// OUT = (IN + 2*PADDING - KERNEL) / STRIDE + 1 (floor). All tensors row-major (N, C, H, W).
// argmax holds, per output element, the arg-max's offset kh * KERNEL + kw inside its (unclipped)
// window, whose top-left is (oh * STRIDE - PADDING, ow * STRIDE - PADDING): a byte instead of an int
// cuts the pass's memory traffic, which is what bounds it.
// Index convention: forward, one work-item per output row (n, c, oh), its global id that row's
// row-major index; backward, one work-item per (n, c) plane. Extra work-items of a rounded-up range
// return.
// RELU_BEFORE (when defined): the input is a ReLU's output, and the backward applies that ReLU's
// derivative too, so the layer before need not keep its output for it. ReLU and max commute, so the
// derivative at a window's arg-max is (its maximum > 0): where it is not, the forward records NO_ARGMAX
// (KERNEL * KERNEL, past every real offset) and the backward routes nothing.

#include "pool_rows.cl"

#ifndef OFFSET_TYPE
#define OFFSET_TYPE uchar // holds offsets of windows up to 16x16; the host passes int for larger ones
#endif

#define CONVERT_OFFSETS CONCAT(convert_, CONCAT(OFFSET_TYPE, VEC))
#define NO_ARGMAX (KERNEL * KERNEL)

// One output element, any window (padding included). Padding is skipped rather than read as -inf;
// starting from the first real element keeps the arg-max valid even when every value is -inf
// (PyTorch starts there too).
inline void max_one(__global float *out_row, __global OFFSET_TYPE *offset_row, const __global float *plane,
                    int top, int ow) {
    const int left = ow * STRIDE - PADDING;
    float best = -INFINITY;
    int best_at = (max(top, 0) - top) * KERNEL + (max(left, 0) - left);
    for (int kh = 0; kh < KERNEL; kh++) {
        const int h = top + kh;
        if (h < 0 || h >= IN_H) continue;
        for (int kw = 0; kw < KERNEL; kw++) {
            const int w = left + kw;
            if (w >= 0 && w < IN_W) {
                const float value = plane[h * IN_W + w];
                if (value > best || isnan(value)) {
                    best = value;
                    best_at = kh * KERNEL + kw;
                }
            }
        }
    }
    out_row[ow] = best;
#ifdef RELU_BEFORE
    if (!(best > 0.0f)) best_at = NO_ARGMAX; // a NaN too: PyTorch's ReLU gradient is (y > 0)
#endif
    offset_row[ow] = (OFFSET_TYPE) best_at;
}

// VEC adjacent output elements from ow on, whose windows have no padding column: the same
// comparisons as max_one, lane by lane, in the same order.
#if VEC > 0
inline void max_block(__global float *out_row, __global OFFSET_TYPE *offset_row, const __global float *plane,
                      int top, int ow) {
    const __global float *window = plane + ow * STRIDE - PADDING;
    floatV best = -INFINITY;
    intV best_at = (max(top, 0) - top) * KERNEL;
    for (int kh = 0; kh < KERNEL; kh++) {
        const int h = top + kh;
        if (h < 0 || h >= IN_H) continue;
        for (int kw = 0; kw < KERNEL; kw++) {
            const floatV value = load_strided(window + h * IN_W + kw);
            const intV wins = (value > best) | isnan(value);
            best = select(best, value, wins);
            best_at = select(best_at, (intV) (kh * KERNEL + kw), wins);
        }
    }
    vstoreV(best, 0, out_row + ow);
#ifdef RELU_BEFORE
    best_at = select((intV) NO_ARGMAX, best_at, best > 0.0f);
#endif
    vstoreV(CONVERT_OFFSETS(best_at), 0, offset_row + ow);
}
#endif

__kernel void maxpool_forward(__global float *output, __global OFFSET_TYPE *argmax, __global const float *input) {
    const int row = get_global_id(0);
    if (row >= N * C * OUT_H) return;
    const int top = (row % OUT_H) * STRIDE - PADDING;
    const __global float *plane = input + (row / OUT_H) * (IN_H * IN_W);
    __global float *out_row = output + row * OUT_W;
    __global OFFSET_TYPE *offset_row = argmax + row * OUT_W;
#if VEC > 0
    for (int ow = 0; ow < INNER_FIRST; ow++) {
        max_one(out_row, offset_row, plane, top, ow);
    }
    // The last block is moved back to end at INNER_LAST; the columns it repeats get the same values.
    for (int ow = INNER_FIRST; ow <= INNER_LAST; ow += VEC) {
        max_block(out_row, offset_row, plane, top, min(ow, INNER_LAST - VEC + 1));
    }
    for (int ow = INNER_LAST + 1; ow < OUT_W; ow++) {
        max_one(out_row, offset_row, plane, top, ow);
    }
#else
    for (int ow = 0; ow < OUT_W; ow++) {
        max_one(out_row, offset_row, plane, top, ow);
    }
#endif
}

// Scatter form of the backward pass without atomics: one work-item owns a whole dInput plane, zeroes
// it, then adds each output gradient at its window's arg-max in row-major output order, the order
// PyTorch's CPU loop adds overlapping contributions in.
__kernel void maxpool_backward(__global float *d_input, __global const float *d_output,
                               __global const OFFSET_TYPE *argmax) {
    const int plane = get_global_id(0);
    if (plane >= N * C) return;
    __global float *d_plane = d_input + plane * (IN_H * IN_W);
    for (int i = 0; i < IN_H * IN_W / 8; i++) {
        vstore8((float8) 0.0f, i, d_plane);
    }
    for (int i = IN_H * IN_W / 8 * 8; i < IN_H * IN_W; i++) {
        d_plane[i] = 0.0f;
    }
    const __global float *d_out = d_output + plane * (OUT_H * OUT_W);
    const __global OFFSET_TYPE *offsets = argmax + plane * (OUT_H * OUT_W);
    for (int oh = 0; oh < OUT_H; oh++) {
        for (int ow = 0; ow < OUT_W; ow++) {
            const int o = oh * OUT_W + ow;
            const int offset = offsets[o];
#ifdef RELU_BEFORE
            if (offset == NO_ARGMAX) continue;
#endif
            const int h = oh * STRIDE - PADDING + offset / KERNEL;
            const int w = ow * STRIDE - PADDING + offset % KERNEL;
            d_plane[h * IN_W + w] += d_out[o];
        }
    }
}
