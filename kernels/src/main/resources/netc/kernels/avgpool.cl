// Average pooling over square windows per channel, PyTorch's AvgPool2d with count_include_pad=True in
// floor mode: padding counts as zeros and every window divides by KERNEL * KERNEL (in floor mode with
// PADDING <= KERNEL / 2 no window reaches past the padded border, so that is PyTorch's divisor too).
//
// Shapes: N batch, C channels, IN_H x IN_W input planes, OUT_H x OUT_W output planes,
// OUT = (IN + 2*PADDING - KERNEL) / STRIDE + 1 (floor). All tensors row-major (N, C, H, W).
// Index convention: forward, one work-item per output row (n, c, oh), its global id that row's
// row-major index; backward, one work-item per (n, c) plane. Extra work-items of a rounded-up range
// return.

#include "pool_rows.cl"

#define WINDOW_AREA ((float) (KERNEL * KERNEL))

// One output element, any window (padding included): real elements summed in row-major window order.
inline void avg_one(__global float *out_row, const __global float *plane, int top, int ow) {
    const int left = ow * STRIDE - PADDING;
    float sum = 0.0f;
    for (int kh = 0; kh < KERNEL; kh++) {
        const int h = top + kh;
        if (h < 0 || h >= IN_H) continue;
        for (int kw = 0; kw < KERNEL; kw++) {
            const int w = left + kw;
            if (w >= 0 && w < IN_W) {
                sum += plane[h * IN_W + w];
            }
        }
    }
    // A division, not a multiplication by the reciprocal, to round as PyTorch does.
    out_row[ow] = sum / WINDOW_AREA;
}

#if VEC > 0
// VEC adjacent output elements from ow on, whose windows have no padding column: the same sums as
// avg_one, lane by lane, in the same order.
inline void avg_block(__global float *out_row, const __global float *plane, int top, int ow) {
    const __global float *window = plane + ow * STRIDE - PADDING;
    floatV sum = 0.0f;
    for (int kh = 0; kh < KERNEL; kh++) {
        const int h = top + kh;
        if (h < 0 || h >= IN_H) continue;
        for (int kw = 0; kw < KERNEL; kw++) {
            sum += load_strided(window + h * IN_W + kw);
        }
    }
    vstoreV(sum / WINDOW_AREA, 0, out_row + ow);
}
#endif

__kernel void avgpool_forward(__global float *output, __global const float *input) {
    const int row = get_global_id(0);
    if (row >= N * C * OUT_H) return;
    const int top = (row % OUT_H) * STRIDE - PADDING;
    const __global float *plane = input + (row / OUT_H) * (IN_H * IN_W);
    __global float *out_row = output + row * OUT_W;
#if VEC > 0
    for (int ow = 0; ow < INNER_FIRST; ow++) {
        avg_one(out_row, plane, top, ow);
    }
    // The last block is moved back to end at INNER_LAST; the columns it repeats get the same values.
    for (int ow = INNER_FIRST; ow <= INNER_LAST; ow += VEC) {
        avg_block(out_row, plane, top, min(ow, INNER_LAST - VEC + 1));
    }
    for (int ow = INNER_LAST + 1; ow < OUT_W; ow++) {
        avg_one(out_row, plane, top, ow);
    }
#else
    for (int ow = 0; ow < OUT_W; ow++) {
        avg_one(out_row, plane, top, ow);
    }
#endif
}

// Scatter form of the backward pass without atomics: one work-item owns a whole dInput plane, zeroes
// it, then adds each output gradient / KERNEL^2 over its window's real elements in row-major output
// order, the order PyTorch's CPU loop adds overlapping contributions in.
__kernel void avgpool_backward(__global float *d_input, __global const float *d_output) {
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
    for (int oh = 0; oh < OUT_H; oh++) {
        const int top = oh * STRIDE - PADDING;
        for (int ow = 0; ow < OUT_W; ow++) {
            const int left = ow * STRIDE - PADDING;
            const float share = d_out[oh * OUT_W + ow] / WINDOW_AREA;
            for (int kh = 0; kh < KERNEL; kh++) {
                const int h = top + kh;
                if (h < 0 || h >= IN_H) continue;
                for (int kw = 0; kw < KERNEL; kw++) {
                    const int w = left + kw;
                    if (w >= 0 && w < IN_W) {
                        d_plane[h * IN_W + w] += share;
                    }
                }
            }
        }
    }
}
