// col2im: the adjoint of im2col, folding the column gradient back onto the input image; each input
// element sums the gradient of every column entry that copied it.
//
// Shapes: B images (of this chunk), C input channels, H x W input, K x K kernel, STRIDE, PAD,
// HO x WO output, P = HO*WO.
// Index convention: as im2col.cl, col[r][j] with r = (c*K + ky)*K + kx and j = b*P + oy*WO + ox, which
// holds input[b][c][oy*STRIDE - PAD + ky][ox*STRIDE - PAD + kx]; d_input[b][c][y][x] (NCHW, contiguous
// from d_input_offset) is overwritten.
// One work-item per input element gathers its sum (no atomics, deterministic): it visits only the
// kernel offsets ky with ky = y + PAD (mod STRIDE) and 0 <= (y + PAD - ky) / STRIDE < HO, likewise kx.

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

// The first kernel offset k in [lowest, ...) with (padded - k) divisible by STRIDE.
inline int first_aligned(const int padded, const int lowest) {
    return lowest + (padded - lowest) % STRIDE;
}

__kernel void col2im(__global float *d_input, const long d_input_offset, __global const float *col) {
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
    __global const float *image_cols = col + b * P;
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
