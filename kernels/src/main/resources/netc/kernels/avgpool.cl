// Average pooling over square windows per channel, PyTorch's AvgPool2d with count_include_pad=True in
// floor mode: padding counts as zeros and every window divides by KERNEL * KERNEL (in floor mode with
// PADDING <= KERNEL / 2 no window reaches past the padded border, so that is PyTorch's divisor too).
//
// Shapes: N batch, C channels, IN_H x IN_W input planes, OUT_H x OUT_W output planes,
// OUT = (IN + 2*PADDING - KERNEL) / STRIDE + 1 (floor). All tensors row-major (N, C, H, W).
// Index convention: one work-item per row, its global id that row's row-major index: forward, per
// output row (n, c, oh); backward, per dInput row (n, c, h). Extra work-items of a rounded-up range
// return.

// Both passes share one program, so its vector width must suit the forward's and the backward's rows.
#define VECTOR_COLUMNS CONST_MIN(INNER_COLUMNS, GATHER_COLUMNS)
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

// One dInput element: dOutput / KERNEL^2 summed over the windows that cover it, windows in row-major
// order (rows oh_first .. oh_last cover its input row).
inline void gather_one(__global float *d_in_row, const __global float *d_out_plane, int oh_first, int oh_last,
                       int w) {
    const int ow_first = w + PADDING < KERNEL ? 0 : (w + PADDING - KERNEL) / STRIDE + 1;
    const int ow_last = min((w + PADDING) / STRIDE, OUT_W - 1);
    float sum = 0.0f;
    for (int oh = oh_first; oh <= oh_last; oh++) {
        for (int ow = ow_first; ow <= ow_last; ow++) {
            sum += d_out_plane[oh * OUT_W + ow] / WINDOW_AREA;
        }
    }
    d_in_row[w] = sum;
}

// The vector gather interleaves STRIDE residues of input columns; that is cheap for strides 1 and 2.
#if VEC > 0 && STRIDE <= 2
#define HAS_VECTOR_GATHER 1

// The STRIDE * VEC dInput elements of columns m .. m + VEC - 1 (see GATHER_FIRST): the sums of
// gather_one, lane by lane, in the same order (t falling is ow rising).
inline void gather_block(__global float *d_in_row, const __global float *d_out_plane, int oh_first, int oh_last,
                         int m) {
    floatV sum[STRIDE];
    for (int r = 0; r < STRIDE; r++) {
        sum[r] = 0.0f;
    }
    for (int oh = oh_first; oh <= oh_last; oh++) {
        const __global float *d_out = d_out_plane + oh * OUT_W + m;
        for (int r = 0; r < STRIDE; r++) {
            for (int t = (KERNEL - 1 - r) / STRIDE; t >= 0; t--) {
                sum[r] += vloadV(0, d_out - t) / WINDOW_AREA;
            }
        }
    }
#if STRIDE == 1
    vstoreV(sum[0], 0, d_in_row + m - PADDING);
#else
    store_interleaved(d_in_row + 2 * m - PADDING, sum[0], sum[1]);
#endif
}
#else
#define HAS_VECTOR_GATHER 0
#endif

// Gather form of the backward pass (no atomics, each element written once): one work-item per dInput
// row sums, per element, the shares of the windows covering it in row-major window order, the order
// PyTorch's CPU loop adds them in, and overwrites the gradient.
__kernel void avgpool_backward(__global float *d_input, __global const float *d_output) {
    const int row = get_global_id(0);
    if (row >= N * C * IN_H) return;
    const int h = row % IN_H;
    // Window oh covers rows [oh*STRIDE - PADDING, oh*STRIDE - PADDING + KERNEL); none may cover h.
    const int oh_first = h + PADDING < KERNEL ? 0 : (h + PADDING - KERNEL) / STRIDE + 1;
    const int oh_last = min((h + PADDING) / STRIDE, OUT_H - 1);
    const __global float *d_out_plane = d_output + (row / IN_H) * (OUT_H * OUT_W);
    __global float *d_in_row = d_input + row * IN_W;
#if HAS_VECTOR_GATHER
    for (int w = 0; w < GATHER_FIRST * STRIDE - PADDING; w++) {
        gather_one(d_in_row, d_out_plane, oh_first, oh_last, w);
    }
    // The last block is moved back to end at GATHER_LAST; the elements it repeats get the same values.
    for (int m = GATHER_FIRST; m <= GATHER_LAST; m += VEC) {
        gather_block(d_in_row, d_out_plane, oh_first, oh_last, min(m, GATHER_LAST - VEC + 1));
    }
    for (int w = (GATHER_LAST + 1) * STRIDE - PADDING; w < IN_W; w++) {
        gather_one(d_in_row, d_out_plane, oh_first, oh_last, w);
    }
#else
    for (int w = 0; w < IN_W; w++) {
        gather_one(d_in_row, d_out_plane, oh_first, oh_last, w);
    }
#endif
}
