// im2col: unfolds a chunk of images into the matrix a convolution multiplies by its weights, so the
// convolution becomes one GEMM: out[co][j] = sum_r weight[co][r] * col[r][j].
//
// Shapes: B images (of this chunk), C input channels, H x W input, K x K kernel, STRIDE, PAD (zeros),
// HO x WO output, P = HO*WO.
// Index convention: input[b][c][y][x] (NCHW, contiguous from input_offset);
// col[r][j] with row r = (c*K + ky)*K + kx and column j = b*P + oy*WO + ox, holding
// input[b][c][oy*STRIDE - PAD + ky][ox*STRIDE - PAD + kx], or 0 where that falls in the padding.
// Work-item (j, r) writes col[r][j]: no loop, so PoCL vectorises across work-items, and consecutive
// work-items write consecutive columns.

#ifndef B
#define B 1 // images
#endif
#ifndef C
#define C 1 // input channels
#endif
#ifndef H
#define H 1 // input height
#endif
#ifndef W
#define W 1 // input width
#endif
#ifndef K
#define K 1 // kernel size
#endif
#ifndef STRIDE
#define STRIDE 1
#endif
#ifndef PAD
#define PAD 0
#endif
#ifndef HO
#define HO ((H + 2 * PAD - K) / STRIDE + 1) // floor mode, as PyTorch
#endif
#ifndef WO
#define WO ((W + 2 * PAD - K) / STRIDE + 1)
#endif
#define P (HO * WO)

__kernel void im2col(__global float *col, __global const float *input, const long input_offset) {
    const int j = get_global_id(0);
    const int r = get_global_id(1);
    if (j >= B * P) return; // the launch is rounded up to a work-group multiple
    const int b = j / P;
    const int oy = (j % P) / WO;
    const int ox = j % WO;
    const int c = r / (K * K);
    const int ky = (r / K) % K;
    const int kx = r % K;
    const int y = oy * STRIDE - PAD + ky;
    const int x = ox * STRIDE - PAD + kx;
    const bool inside = y >= 0 && y < H && x >= 0 && x < W;
    col[(long) r * (B * P) + j] = inside ? input[input_offset + ((long) (b * C + c) * H + y) * W + x] : 0.0f;
}
