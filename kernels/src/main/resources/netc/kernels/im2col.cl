// im2col: unfolds a chunk of images into the matrix a convolution multiplies by its weights, so the
// convolution becomes one GEMM: out[co][j] = sum_r weight[co][r] * col[r][j].
//
// Shapes: B images (of this chunk), C input channels, H x W input, K x K kernel, STRIDE, PAD (zeros),
// HO x WO output, P = HO*WO.
// Index convention: input[b][c][y][x] (NCHW, contiguous from input_offset);
// col[r][j] (contiguous from col_offset) with row r = (c*K + ky)*K + kx and column j = b*P + oy*WO + ox, holding
// input[b][c][oy*STRIDE - PAD + ky][ox*STRIDE - PAD + kx], or 0 where that falls in the padding.
// Work-item (b*HO + oy, r) writes the WO consecutive entries of col row r for output row oy of image
// b: zeros for the padded ends, a plain strided copy in between. No bounds test in the copy loop and
// the row's index arithmetic done once: on PoCL this ran 1.5-4x faster than a work-item per element.

#include "conv_geometry.cl"

// The first output column ox whose input column ox*STRIDE - PAD + kx is >= 0 (ceil division).
inline int first_inside(const int kx) {
    return PAD > kx ? (PAD - kx + STRIDE - 1) / STRIDE : 0;
}

// One past the last output column whose input column is < limit.
inline int end_inside(const int kx, const int limit) {
    const int last = limit - 1 + PAD - kx; // ox*STRIDE <= last
    return last < 0 ? 0 : min(last / STRIDE + 1, WO);
}

__kernel void im2col(__global float *col, const long col_offset, __global const float *input, const long input_offset) {
    const int row = get_global_id(0); // (b, oy): one output row of one image
    const int r = get_global_id(1);
    if (row >= B * HO) return;
    const int b = row / HO;
    const int oy = row % HO;
    const int c = r / (K * K);
    const int ky = (r / K) % K;
    const int kx = r % K;
    const int y = oy * STRIDE - PAD + ky;
    __global float *dst = col + col_offset + (long) r * (B * P) + b * P + oy * WO;
    if (y < 0 || y >= H) {
        for (int ox = 0; ox < WO; ox++) dst[ox] = 0.0f;
        return;
    }
    const long input_row = input_offset + ((long) (b * C + c) * H + y) * W;
    const int begin = min(first_inside(kx), WO);
    const int end = max(end_inside(kx, W), begin);
    for (int ox = 0; ox < begin; ox++) dst[ox] = 0.0f;
    for (int ox = begin; ox < end; ox++) dst[ox] = input[input_row + ox * STRIDE - PAD + kx];
    for (int ox = end; ox < WO; ox++) dst[ox] = 0.0f;
}
