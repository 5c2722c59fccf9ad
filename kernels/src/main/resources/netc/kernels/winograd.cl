// Winograd minimal filtering F(TILE x TILE, 3 x 3) for 3x3 stride-1 convolutions (Lavin & Gray, "Fast
// Algorithms for Convolutional Neural Networks", 2016): each TILE x TILE block of outputs of one channel
// pair is Y = A^T [(G g G^T) .* (B^T d B)] A, with d the ALPHA x ALPHA input patch (ALPHA = TILE + 2)
// under the block. Summed over input channels, the element-wise product becomes ALPHA^2 independent
// matrix products M[xi] = U[xi] . V[xi] ([CO x C] . [C x T]), which the host runs as GEMMs; these
// kernels are the transforms around them, forward and backward (each backward transform is the adjoint
// of its forward one).
//
// Knobs: TILE = 4 (F(4x4,3x3), 36 products where direct needs 144 per tile: 4x fewer multiplies) or
// TILE = 2 (F(2x2,3x3), 16 against 36: 2.25x, with smaller float32 error).
// Shapes: B images (of this chunk), C input channels, CO output channels, H x W input, PAD (zeros),
// HO x WO output (= H + 2 PAD - 2), TH x TW tiles per image (ceil(HO / TILE), ceil(WO / TILE)),
// T = B * TH * TW tiles of the chunk; a ragged last tile reads zeros past the input and drops outputs
// past the output.
// Index convention: input[b][c][y][x], out[b][co][oy][ox] (NCHW); weight[co][c][ky][kx];
// tile t = (b * TH + ty) * TW + tx covers outputs oy = ty*TILE + i, ox = tx*TILE + j (i, j < TILE) and
// reads inputs y = ty*TILE - PAD + i, x = tx*TILE - PAD + j (i, j < ALPHA);
// transformed element xi = i * ALPHA + j: U[xi][co][c], V[xi][c][t], M[xi][co][t] (row-major matrices).
// Work-items run along tiles t in dimension 0 (consecutive V and M entries) and channels in dimension 1.

#include "activation.cl"

#ifndef TILE
#define TILE 4
#endif
#ifndef B
#define B 1
#endif
#ifndef C
#define C 1
#endif
#ifndef CO
#define CO 1
#endif
#ifndef H
#define H 4
#endif
#ifndef W
#define W 4
#endif
#ifndef PAD
#define PAD 1
#endif
#define HO (H + 2 * PAD - 2)
#define WO (W + 2 * PAD - 2)
#define TH ((HO + TILE - 1) / TILE)
#define TW ((WO + TILE - 1) / TILE)
#define T (B * TH * TW)

#if TILE == 4
#define ALPHA 6
// Interpolation points 0, 1, -1, 2, -2 and infinity.
__constant float BT[ALPHA][ALPHA] = {
    {4.0f, 0.0f, -5.0f, 0.0f, 1.0f, 0.0f},
    {0.0f, -4.0f, -4.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 4.0f, -4.0f, -1.0f, 1.0f, 0.0f},
    {0.0f, -2.0f, -1.0f, 2.0f, 1.0f, 0.0f},
    {0.0f, 2.0f, -1.0f, -2.0f, 1.0f, 0.0f},
    {0.0f, 4.0f, 0.0f, -5.0f, 0.0f, 1.0f}};
__constant float G[ALPHA][3] = {
    {1.0f / 4, 0.0f, 0.0f},
    {-1.0f / 6, -1.0f / 6, -1.0f / 6},
    {-1.0f / 6, 1.0f / 6, -1.0f / 6},
    {1.0f / 24, 1.0f / 12, 1.0f / 6},
    {1.0f / 24, -1.0f / 12, 1.0f / 6},
    {0.0f, 0.0f, 1.0f}};
__constant float AT[TILE][ALPHA] = {
    {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, 2.0f, -2.0f, 0.0f},
    {0.0f, 1.0f, 1.0f, 4.0f, 4.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, 8.0f, -8.0f, 1.0f}};
#elif TILE == 2
#define ALPHA 4
// Interpolation points 0, 1, -1 and infinity.
__constant float BT[ALPHA][ALPHA] = {
    {1.0f, 0.0f, -1.0f, 0.0f},
    {0.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, -1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, 0.0f, -1.0f}};
__constant float G[ALPHA][3] = {
    {1.0f, 0.0f, 0.0f},
    {0.5f, 0.5f, 0.5f},
    {0.5f, -0.5f, 0.5f},
    {0.0f, 0.0f, 1.0f}};
__constant float AT[TILE][ALPHA] = {
    {1.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, -1.0f}};
#else
#error "TILE must be 2 or 4"
#endif

#define XI (ALPHA * ALPHA)

// U[xi][co][c] = (G g G^T)[xi] for the 3x3 filter g = weight[co][c]. Work-item (c, co).
__kernel void winograd_filter(__global float *u, __global const float *weight) {
    const int c = get_global_id(0);
    const int co = get_global_id(1);
    if (c >= C) return;
    float g[3][3];
    __global const float *src = weight + ((long) co * C + c) * 9;
#pragma unroll
    for (int k = 0; k < 9; k++) g[k / 3][k % 3] = src[k];
    float gg[ALPHA][3]; // G g
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < 3; j++) gg[i][j] = G[i][0] * g[0][j] + G[i][1] * g[1][j] + G[i][2] * g[2][j];
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++)
            u[((long) (i * ALPHA + j) * CO + co) * C + c] = gg[i][0] * G[j][0] + gg[i][1] * G[j][1] + gg[i][2] * G[j][2];
}

// dWeight[co][c] = G^T dU G, the adjoint of winograd_filter. Work-item (c, co).
__kernel void winograd_filter_gradient(__global float *d_weight, __global const float *d_u) {
    const int c = get_global_id(0);
    const int co = get_global_id(1);
    if (c >= C) return;
    float du[ALPHA][ALPHA];
#pragma unroll
    for (int xi = 0; xi < XI; xi++) du[xi / ALPHA][xi % ALPHA] = d_u[((long) xi * CO + co) * C + c];
    float gt[3][ALPHA]; // G^T dU
#pragma unroll
    for (int i = 0; i < 3; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += G[k][i] * du[k][j];
            gt[i][j] = sum;
        }
    __global float *dst = d_weight + ((long) co * C + c) * 9;
#pragma unroll
    for (int i = 0; i < 3; i++)
#pragma unroll
        for (int j = 0; j < 3; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += gt[i][k] * G[k][j];
            dst[i * 3 + j] = sum;
        }
}

// V[xi][c][t] = (B^T d B)[xi] for the input patch d of tile t, channel c (zeros outside the input).
// Work-item (t, c).
__kernel void winograd_input(__global float *v, const long v_offset, __global const float *input, const long input_offset) {
    const int t = get_global_id(0);
    const int c = get_global_id(1);
    if (t >= T) return;
    const int b = t / (TH * TW);
    const int ty = t / TW % TH;
    const int tx = t % TW;
    const int y0 = ty * TILE - PAD;
    const int x0 = tx * TILE - PAD;
    __global const float *plane = input + input_offset + ((long) b * C + c) * H * W;
    float d[ALPHA][ALPHA];
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            const int y = y0 + i;
            const int x = x0 + j;
            // Loads from a clamped address, then select: no branch around a load, so PoCL vectorises.
            const float value = plane[clamp(y, 0, H - 1) * W + clamp(x, 0, W - 1)];
            d[i][j] = y >= 0 && y < H && x >= 0 && x < W ? value : 0.0f;
        }
    float bd[ALPHA][ALPHA]; // B^T d
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += BT[i][k] * d[k][j];
            bd[i][j] = sum;
        }
    __global float *dst = v + v_offset + (long) c * T + t;
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += bd[i][k] * BT[j][k];
            dst[(long) (i * ALPHA + j) * C * T] = sum;
        }
}

// dInput = the adjoint of winograd_input, in two steps. First, in place, each tile's dV becomes
// dD = B dV B^T, the gradient of its ALPHA x ALPHA input patch. Work-item (t, c).
__kernel void winograd_input_gradient_tiles(__global float *d_v, const long d_v_offset) {
    const int t = get_global_id(0);
    const int c = get_global_id(1);
    if (t >= T) return;
    __global float *tile = d_v + d_v_offset + (long) c * T + t;
    float dv[ALPHA][ALPHA];
#pragma unroll
    for (int xi = 0; xi < XI; xi++) dv[xi / ALPHA][xi % ALPHA] = tile[(long) xi * C * T];
    float bdv[ALPHA][ALPHA]; // B dV
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += BT[k][i] * dv[k][j];
            bdv[i][j] = sum;
        }
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += bdv[i][k] * BT[k][j];
            tile[(long) (i * ALPHA + j) * C * T] = sum;
        }
}

// Then each input element sums the patch gradients dD of the tiles that read it: input row
// y = ty*TILE - PAD + i is read by tile ty at i < ALPHA, so by tile (y + PAD) / TILE and, where
// (y + PAD) % TILE < ALPHA - TILE, also the tile above (likewise for columns); padding reads are dropped.
// Work-item (y*W + x, b*C + c) overwrites one element: no atomics, and no branch on which tiles exist (a
// missing tile's index is clamped and its term multiplied by 0), so PoCL vectorises across work-items.
__kernel void winograd_input_gradient(__global float *d_input, const long d_input_offset,
                                      __global const float *d_d, const long d_d_offset) {
    const int pixel = get_global_id(0);
    const int plane = get_global_id(1); // b*C + c
    if (pixel >= H * W) return;
    const int b = plane / C;
    const int c = plane % C;
    const int py = pixel / W + PAD;
    const int px = pixel % W + PAD;
    const int ty = py / TILE;
    const int tx = px / TILE;
    const int iy = py % TILE;
    const int ix = px % TILE;
    __global const float *src = d_d + d_d_offset + (long) c * T + (long) b * TH * TW;
    float sum = 0.0f;
#pragma unroll
    for (int dy = 0; dy < 2; dy++) {
        const int y_tile = ty - dy;
        const int i = iy + dy * TILE;
        const bool row_ok = y_tile >= 0 && y_tile < TH && i < ALPHA;
#pragma unroll
        for (int dx = 0; dx < 2; dx++) {
            const int x_tile = tx - dx;
            const int j = ix + dx * TILE;
            const bool ok = row_ok && x_tile >= 0 && x_tile < TW && j < ALPHA;
            const int t = clamp(y_tile, 0, TH - 1) * TW + clamp(x_tile, 0, TW - 1);
            const int xi = min(i, ALPHA - 1) * ALPHA + min(j, ALPHA - 1);
            const float value = src[(long) xi * C * T + t];
            sum += ok ? value : 0.0f;
        }
    }
    d_input[d_input_offset + (long) plane * H * W + pixel] = sum;
}

// out[b][co] block of tile t = activate(A^T M A + bias[co]), the outputs inside HO x WO only.
// Work-item (t, co).
__kernel void winograd_output(__global float *out, const long out_offset, __global const float *m, const long m_offset,
                              __global const float *bias) {
    const int t = get_global_id(0);
    const int co = get_global_id(1);
    if (t >= T) return;
    __global const float *src = m + m_offset + (long) co * T + t;
    float mm[ALPHA][ALPHA];
#pragma unroll
    for (int xi = 0; xi < XI; xi++) mm[xi / ALPHA][xi % ALPHA] = src[(long) xi * CO * T];
    float am[TILE][ALPHA]; // A^T M
#pragma unroll
    for (int i = 0; i < TILE; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += AT[i][k] * mm[k][j];
            am[i][j] = sum;
        }
    const int b = t / (TH * TW);
    const int oy0 = t / TW % TH * TILE;
    const int ox0 = t % TW * TILE;
    const float bias_co = bias[co];
    __global float *plane = out + out_offset + ((long) b * CO + co) * HO * WO;
#pragma unroll
    for (int i = 0; i < TILE; i++) {
        if (oy0 + i >= HO) continue;
#pragma unroll
        for (int j = 0; j < TILE; j++) {
            if (ox0 + j >= WO) continue;
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += am[i][k] * AT[j][k];
            plane[(oy0 + i) * WO + ox0 + j] = activate(sum + bias_co);
        }
    }
}

// dM[xi][co][t] = (A dZ A^T)[xi], the adjoint of winograd_output's A^T M A, for the block dZ of
// pre-activation gradients dz[b][co] under tile t (zeros past the output). Work-item (t, co).
__kernel void winograd_output_gradient(__global float *d_m, const long d_m_offset, __global const float *dz,
                                       const long dz_offset) {
    const int t = get_global_id(0);
    const int co = get_global_id(1);
    if (t >= T) return;
    const int b = t / (TH * TW);
    const int oy0 = t / TW % TH * TILE;
    const int ox0 = t % TW * TILE;
    __global const float *plane = dz + dz_offset + ((long) b * CO + co) * HO * WO;
    float dzz[TILE][TILE];
#pragma unroll
    for (int i = 0; i < TILE; i++)
#pragma unroll
        for (int j = 0; j < TILE; j++)
        {
            const float value = plane[min(oy0 + i, HO - 1) * WO + min(ox0 + j, WO - 1)]; // as in winograd_input
            dzz[i][j] = oy0 + i < HO && ox0 + j < WO ? value : 0.0f;
        }
    float adz[ALPHA][TILE]; // A dZ
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < TILE; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < TILE; k++) sum += AT[k][i] * dzz[k][j];
            adz[i][j] = sum;
        }
    __global float *dst = d_m + d_m_offset + (long) co * T + t;
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            float sum = 0.0f;
#pragma unroll
            for (int k = 0; k < TILE; k++) sum += adz[i][k] * AT[k][j];
            dst[(long) (i * ALPHA + j) * CO * T] = sum;
        }
}
