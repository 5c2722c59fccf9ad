// col2im: the adjoint of im2col, folding the column gradient back onto the input image; each input
// element sums the gradient of every column entry that copied it.
//
// Shapes: B images (of this chunk), C input channels, H x W input, K x K kernel, STRIDE, PAD,
// HO x WO output, P = HO*WO.
// Index convention: as im2col.cl, col[r][j] with r = (c*K + ky)*K + kx and j = b*P + oy*WO + ox, which
// holds input[b][c][oy*STRIDE - PAD + ky][ox*STRIDE - PAD + kx] (col contiguous from col_offset);
// d_input[b][c][y][x] (NCHW, contiguous from d_input_offset) is overwritten.
// Two kernels; Col2im picks one by shape (its ROW_KERNEL_LIMIT):
// - col2im_rows: work-item (b*C + c)*H + y folds one whole input row. The row's W sums live in private
//   memory and the kx and x loops have compile-time trip counts and are unrolled, so which (x, kx) pairs
//   land on a column is resolved at compile time and each col row segment is read contiguously. On PoCL
//   this ran 4-7x faster than col2im_elements for AlexNet's 3x3 and 5x5 layers (K*W up to 130), but for
//   an 11x11 kernel on a 224-wide row the unrolled body (or, rolled, the private array) made it slower.
// - col2im_elements: one work-item per input element gathers its sum, visiting only the kernel offsets
//   ky with ky = y + PAD (mod STRIDE) and 0 <= (y + PAD - ky) / STRIDE < HO, likewise kx.
// Both are deterministic (no atomics) and sum each element over ky then kx ascending.

#include "conv_geometry.cl"

__kernel void col2im_rows(__global float *d_input, const long d_input_offset,
                          __global const float *col, const long col_offset) {
    const int row = get_global_id(0); // (b*C + c)*H + y: one input row
    if (row >= B * C * H) return; // the launch is rounded up to a work-group multiple
    const int y = row % H;
    const int c = (row / H) % C;
    const int b = row / (H * C);
    float sum[W];
    #pragma unroll
    for (int x = 0; x < W; x++) sum[x] = 0.0f;
    for (int ky = 0; ky < K; ky++) {
        const int py = y + PAD - ky; // = oy*STRIDE when this kernel row saw input row y
        if (py < 0 || py % STRIDE != 0 || py / STRIDE >= HO) continue;
        __global const float *segment = col + col_offset + (long) ((c * K + ky) * K) * (B * P) + b * P + (py / STRIDE) * WO;
        #pragma unroll
        for (int kx = 0; kx < K; kx++) {
            #pragma unroll
            for (int x = 0; x < W; x++) {
                const int px = x + PAD - kx; // = ox*STRIDE when kernel column kx saw input column x
                if (px >= 0 && px % STRIDE == 0 && px / STRIDE < WO) sum[x] += segment[px / STRIDE];
            }
            segment += B * P;
        }
    }
    __global float *dst = d_input + d_input_offset + (long) row * W;
    #pragma unroll
    for (int x = 0; x < W; x++) dst[x] = sum[x];
}

// The first kernel offset k in [lowest, ...) with (padded - k) divisible by STRIDE.
inline int first_aligned(const int padded, const int lowest) {
    return lowest + (padded - lowest) % STRIDE;
}

__kernel void col2im_elements(__global float *d_input, const long d_input_offset,
                          __global const float *col, const long col_offset) {
    const int i = get_global_id(0);
    if (i >= B * C * H * W) return; // the launch is rounded up to a work-group multiple
    const int x = i % W;
    const int y = (i / W) % H;
    const int c = (i / (W * H)) % C;
    const int b = i / (W * H * C);
    const int py = y + PAD;
    const int px = x + PAD;
    const int ky_end = min(K - 1, py);
    const int kx_end = min(K - 1, px);
    const int kx_start = first_aligned(px, max(0, px - (WO - 1) * STRIDE));
    __global const float *image_cols = col + col_offset + b * P;
    float sum = 0.0f;
    for (int ky = first_aligned(py, max(0, py - (HO - 1) * STRIDE)); ky <= ky_end; ky += STRIDE) {
        const int oy = (py - ky) / STRIDE;
        for (int kx = kx_start; kx <= kx_end; kx += STRIDE) {
            const int ox = (px - kx) / STRIDE;
            sum += image_cols[(long) ((c * K + ky) * K + kx) * (B * P) + oy * WO + ox];
        }
    }
    d_input[d_input_offset + i] = sum;
}
