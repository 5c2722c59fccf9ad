// Winograd minimal filtering F(TILE x TILE, K x K) for stride-1 convolutions (Lavin & Gray, "Fast
// Algorithms for Convolutional Neural Networks", 2016): each TILE x TILE block of outputs of one channel
// pair is Y = A^T [(G g G^T) .* (B^T d B)] A, with d the ALPHA x ALPHA input patch (ALPHA = TILE + K - 1)
// under the block. Summed over input channels, the element-wise product becomes ALPHA^2 independent
// matrix products M[xi] = V[xi] . U[xi] ([T x C] . [C x CO]), which the host runs as GEMMs; these
// kernels are the transforms around them, forward and backward (each backward transform is the adjoint
// of its forward one).
//
// Knobs: K = 3 with TILE = 4 (F(4x4,3x3), 36 products where direct needs 144 per tile: 4x fewer
// multiplies), TILE = 2 (F(2x2,3x3), 16 against 36: 2.25x, with smaller float32 error) or TILE = 6
// (F(6x6,3x3), 64 against 324: 5.1x, ALPHA = 8, the largest float32 error); K = 5 with
// TILE = 2 (F(2x2,5x5), 36 against 100: 2.8x), on the same six interpolation points as F(4x4,3x3), or
// TILE = 4 (F(4x4,5x5), 64 against 400: 6.25x, ALPHA = 8, points +-1/2 added: larger float32 error).
// Shapes: B images (of this chunk), C input channels, CO output channels, H x W input, PAD (zeros),
// HO x WO output (= H + 2 PAD - K + 1), TH x TW tiles per image (ceil(HO / TILE), ceil(WO / TILE)),
// T = B * TH * TW tiles of the chunk; a ragged last tile reads zeros past the input and drops outputs
// past the output.
// Index convention: input[b][c][y][x], out[b][co][oy][ox] (NCHW); weight[co][c][ky][kx] (K x K);
// tile t = (b * TH + ty) * TW + tx covers outputs oy = ty*TILE + i, ox = tx*TILE + j (i, j < TILE) and
// reads inputs y = ty*TILE - PAD + i, x = tx*TILE - PAD + j (i, j < ALPHA);
// transformed element xi = i * ALPHA + j: V[xi][t][c], M[xi][t][co] (tile-major: row-major T x C and T x CO
// matrices), U[xi][c][co] for the forward's M = V U and U[xi][co][c] for the backward's dV = dM U
// (winograd_filter and winograd_filter_by_output_channel), dU[xi][c][co] = V^T dM; with these layouts every product is a GEMM
// whose operands are contiguous along their rows (NN or TN), which runs batched over all xi without
// packing. Matrix xi of U, V and M starts at xi * U_PLANE, xi * V_PLANE and xi * M_PLANE (at least CO * C,
// C * T and CO * T: the host pads them so that the ALPHA^2 matrices do not start on the same cache set).
// Work-items run along channels in dimension 0 and tiles t (the input-gradient gather: blocks of inputs) in
// dimension 1; each transforms CV input channels (COV output channels) at once as the lanes of one vector,
// which the host picks to divide C (CO): the tile-major layouts make those lanes contiguous in V and M.

#include "activation.cl"

#ifndef TILE
#define TILE 4
#endif
#ifndef K
#define K 3
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
#define HO (H + 2 * PAD - K + 1)
#define WO (W + 2 * PAD - K + 1)
#define TH ((HO + TILE - 1) / TILE)
#define TW ((WO + TILE - 1) / TILE)
#define T (B * TH * TW)
#ifndef U_PLANE
#define U_PLANE (CO * C)
#endif
#ifndef V_PLANE
#define V_PLANE (C * T)
#endif
#ifndef M_PLANE
#define M_PLANE (CO * T)
#endif

#if TILE == 4 && K == 3
#define ALPHA 6
// Interpolation points 0, 1, -1, 2, -2 and infinity.
__constant float BT[ALPHA][ALPHA] = {
    {4.0f, 0.0f, -5.0f, 0.0f, 1.0f, 0.0f},
    {0.0f, -4.0f, -4.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 4.0f, -4.0f, -1.0f, 1.0f, 0.0f},
    {0.0f, -2.0f, -1.0f, 2.0f, 1.0f, 0.0f},
    {0.0f, 2.0f, -1.0f, -2.0f, 1.0f, 0.0f},
    {0.0f, 4.0f, 0.0f, -5.0f, 0.0f, 1.0f}};
__constant float G[ALPHA][K] = {
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
#elif TILE == 2 && K == 5
#define ALPHA 6
// The points of F(4x4,3x3), so B^T is its: G's row for point p is (1, p, p^2, p^3, p^4) / prod(p - q) over
// the other finite points q (infinity: the last tap), A^T's rows are p^0 and p^1 (infinity: the last row).
__constant float BT[ALPHA][ALPHA] = {
    {4.0f, 0.0f, -5.0f, 0.0f, 1.0f, 0.0f},
    {0.0f, -4.0f, -4.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 4.0f, -4.0f, -1.0f, 1.0f, 0.0f},
    {0.0f, -2.0f, -1.0f, 2.0f, 1.0f, 0.0f},
    {0.0f, 2.0f, -1.0f, -2.0f, 1.0f, 0.0f},
    {0.0f, 4.0f, 0.0f, -5.0f, 0.0f, 1.0f}};
__constant float G[ALPHA][K] = {
    {1.0f / 4, 0.0f, 0.0f, 0.0f, 0.0f},
    {-1.0f / 6, -1.0f / 6, -1.0f / 6, -1.0f / 6, -1.0f / 6},
    {-1.0f / 6, 1.0f / 6, -1.0f / 6, 1.0f / 6, -1.0f / 6},
    {1.0f / 24, 1.0f / 12, 1.0f / 6, 1.0f / 3, 2.0f / 3},
    {1.0f / 24, -1.0f / 12, 1.0f / 6, -1.0f / 3, 2.0f / 3},
    {0.0f, 0.0f, 0.0f, 0.0f, 1.0f}};
__constant float AT[TILE][ALPHA] = {
    {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, 2.0f, -2.0f, 1.0f}};
#elif (TILE == 4 && K == 5) || (TILE == 6 && K == 3)
#define ALPHA 8
// Interpolation points 0, 1, -1, 2, -2, 1/2, -1/2 and infinity (the six above plus +-1/2, whose powers stay
// small: F(4x4,5x5) and F(6x6,3x3) need seven finite points). B^T depends on the points alone, so the two
// share it; G and A^T follow from it for each. Derived with exact rational arithmetic (Toom-Cook) and checked
// there, in 1D and 2D, against the direct correlation on random integers: for a finite point p, B^T's row is
// the coefficients (x^0 .. x^7) of prod(x - q) over the other finite points q, and G's row is
// (1, p, p^2, p^3, p^4) / prod(p - q); infinity's B^T row is prod(x - q) over all seven finite points and its G
// row picks the last tap; A^T's rows are p^0 .. p^3 (infinity: 1 in the last row only). Each B^T row is then
// scaled by the least common multiple of its denominators (4 for the rows holding the factor x^2 - 1/4, its
// sign kept) and G's row by the inverse, so that B^T, the transform applied to every input patch, is integer.
__constant float BT[ALPHA][ALPHA] = {
    {-4.0f, 0.0f, 21.0f, 0.0f, -21.0f, 0.0f, 4.0f, 0.0f},
    {0.0f, 4.0f, 4.0f, -17.0f, -17.0f, 4.0f, 4.0f, 0.0f},
    {0.0f, -4.0f, 4.0f, 17.0f, -17.0f, -4.0f, 4.0f, 0.0f},
    {0.0f, 2.0f, 1.0f, -10.0f, -5.0f, 8.0f, 4.0f, 0.0f},
    {0.0f, -2.0f, 1.0f, 10.0f, -5.0f, -8.0f, 4.0f, 0.0f},
    {0.0f, 4.0f, 8.0f, -5.0f, -10.0f, 1.0f, 2.0f, 0.0f},
    {0.0f, -4.0f, 8.0f, 5.0f, -10.0f, -1.0f, 2.0f, 0.0f},
    {0.0f, -4.0f, 0.0f, 21.0f, 0.0f, -21.0f, 0.0f, 4.0f}};
#if K == 5
__constant float G[ALPHA][K] = {
    {-1.0f / 4, 0.0f, 0.0f, 0.0f, 0.0f},
    {-1.0f / 18, -1.0f / 18, -1.0f / 18, -1.0f / 18, -1.0f / 18},
    {-1.0f / 18, 1.0f / 18, -1.0f / 18, 1.0f / 18, -1.0f / 18},
    {1.0f / 360, 1.0f / 180, 1.0f / 90, 1.0f / 45, 2.0f / 45},
    {1.0f / 360, -1.0f / 180, 1.0f / 90, -1.0f / 45, 2.0f / 45},
    {16.0f / 45, 8.0f / 45, 4.0f / 45, 2.0f / 45, 1.0f / 45},
    {16.0f / 45, -8.0f / 45, 4.0f / 45, -2.0f / 45, 1.0f / 45},
    {0.0f, 0.0f, 0.0f, 0.0f, 1.0f / 4}};
__constant float AT[TILE][ALPHA] = {
    {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, 2.0f, -2.0f, 1.0f / 2, -1.0f / 2, 0.0f},
    {0.0f, 1.0f, 1.0f, 4.0f, 4.0f, 1.0f / 4, 1.0f / 4, 0.0f},
    {0.0f, 1.0f, -1.0f, 8.0f, -8.0f, 1.0f / 8, -1.0f / 8, 1.0f}};
#else
// F(6x6,3x3): G's rows are the first three columns of F(4x4,5x5)'s ((1, p, p^2) with the same scale), and
// A^T's rows run to p^5, so its entries reach 32 and 1/32: the largest float32 error of the four (see
// WinogradConv2dTest). Checked like F(4x4,5x5), in exact arithmetic against the direct correlation.
__constant float G[ALPHA][K] = {
    {-1.0f / 4, 0.0f, 0.0f},
    {-1.0f / 18, -1.0f / 18, -1.0f / 18},
    {-1.0f / 18, 1.0f / 18, -1.0f / 18},
    {1.0f / 360, 1.0f / 180, 1.0f / 90},
    {1.0f / 360, -1.0f / 180, 1.0f / 90},
    {16.0f / 45, 8.0f / 45, 4.0f / 45},
    {16.0f / 45, -8.0f / 45, 4.0f / 45},
    {0.0f, 0.0f, 1.0f / 4}};
__constant float AT[TILE][ALPHA] = {
    {1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, 2.0f, -2.0f, 1.0f / 2, -1.0f / 2, 0.0f},
    {0.0f, 1.0f, 1.0f, 4.0f, 4.0f, 1.0f / 4, 1.0f / 4, 0.0f},
    {0.0f, 1.0f, -1.0f, 8.0f, -8.0f, 1.0f / 8, -1.0f / 8, 0.0f},
    {0.0f, 1.0f, 1.0f, 16.0f, 16.0f, 1.0f / 16, 1.0f / 16, 0.0f},
    {0.0f, 1.0f, -1.0f, 32.0f, -32.0f, 1.0f / 32, -1.0f / 32, 1.0f}};
#endif
#elif TILE == 2 && K == 3
#define ALPHA 4
// Interpolation points 0, 1, -1 and infinity.
__constant float BT[ALPHA][ALPHA] = {
    {1.0f, 0.0f, -1.0f, 0.0f},
    {0.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, -1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, 0.0f, -1.0f}};
__constant float G[ALPHA][K] = {
    {1.0f, 0.0f, 0.0f},
    {0.5f, 0.5f, 0.5f},
    {0.5f, -0.5f, 0.5f},
    {0.0f, 0.0f, 1.0f}};
__constant float AT[TILE][ALPHA] = {
    {1.0f, 1.0f, 1.0f, 0.0f},
    {0.0f, 1.0f, -1.0f, -1.0f}};
#else
#error "(TILE, K) must be (4, 3), (2, 3), (6, 3), (2, 5) or (4, 5)"
#endif

#define XI (ALPHA * ALPHA)

// STORE(i, j) = sum over k < INNER of LEFT(i, k) * RIGHT(k, j) for i < ROWS, j < COLS, every loop unrolled:
// the transforms' small matrix products, written once (LEFT, RIGHT and STORE are expressions in i, j, k),
// in floats or, with SMALL_PRODUCT_OF, vectors of TYPE (one lane per channel), whose STORE_SUM is a
// statement that stores the finished `sum`.
#define SMALL_PRODUCT_OF(TYPE, ROWS, COLS, INNER, LEFT, RIGHT, STORE_SUM) \
    _Pragma("unroll") for (int i = 0; i < (ROWS); i++) \
    _Pragma("unroll") for (int j = 0; j < (COLS); j++) { \
        TYPE sum = (TYPE) (0.0f); \
        _Pragma("unroll") for (int k = 0; k < (INNER); k++) sum += (LEFT) * (RIGHT); \
        STORE_SUM; \
    }
#define SMALL_PRODUCT(ROWS, COLS, INNER, LEFT, RIGHT, STORE) \
    SMALL_PRODUCT_OF(float, ROWS, COLS, INNER, LEFT, RIGHT, STORE = sum)

// Channel vectors: CV input channels (COV output channels) per work-item, 1, 2, 4, 8 or 16 dividing C (CO).
#ifndef CV
#define CV 1
#endif
#ifndef COV
#define COV 1
#endif
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#if CV == 1
#define floatc float
#define LOAD_CV(p) (*(p))
#define STORE_CV(value, p) (*(p) = (value))
#else
#define floatc CAT(float, CV)
#define LOAD_CV(p) CAT(vload, CV)(0, (p))
#define STORE_CV(value, p) CAT(vstore, CV)((value), 0, (p))
#endif
#if COV == 1
#define floatco float
#define LOAD_COV(p) (*(p))
#define STORE_COV(value, p) (*(p) = (value))
#else
#define floatco CAT(float, COV)
#define LOAD_COV(p) CAT(vload, COV)(0, (p))
#define STORE_COV(value, p) CAT(vstore, COV)((value), 0, (p))
#endif

// The input transform's stores into V and dM's transform's into dM: with STREAM_V (STREAM_M), non-temporal
// (and the filter transforms' into U with STREAM_U), which writes whole cache lines to memory without first
// reading each one in and without evicting what the caches hold. The host sets them where one chunk's V (M) is larger than the caches could keep until the
// next kernel reads it (WinogradTiling.STREAM_MIN_FLOATS). A vector store must be aligned to the vector:
// C and CO are multiples of CV and COV, V's and M's matrices start on whole cache lines, and buffers and
// their views are aligned to 128 bytes. Single lanes (CV or COV 1) store as usual.
#ifndef STREAM_V
#define STREAM_V 0
#endif
#ifndef STREAM_M
#define STREAM_M 0
#endif
#ifndef STREAM_U
#define STREAM_U 0
#endif
#if STREAM_U && COV > 1
#define STORE_U_CO(value, p) __builtin_nontemporal_store((value), (__global floatco *) (p))
#else
#define STORE_U_CO(value, p) STORE_COV(value, p)
#endif
#if STREAM_U && CV > 1
#define STORE_U_C(value, p) __builtin_nontemporal_store((value), (__global floatc *) (p))
#else
#define STORE_U_C(value, p) STORE_CV(value, p)
#endif
#if STREAM_V && CV > 1
#define STORE_V(value, p) __builtin_nontemporal_store((value), (__global floatc *) (p))
#else
#define STORE_V(value, p) STORE_CV(value, p)
#endif
#if STREAM_M && COV > 1
#define STORE_M(value, p) __builtin_nontemporal_store((value), (__global floatco *) (p))
#else
#define STORE_M(value, p) STORE_COV(value, p)
#endif

// The lanes of a channel vector from (to) NCHW planes STRIDE floats apart: channel l at p[l * STRIDE].
inline floatc gather_c(__global const float *p, const int stride) {
    float lanes[CV];
#pragma unroll
    for (int l = 0; l < CV; l++) lanes[l] = p[l * stride];
    return LOAD_CV(lanes);
}

inline floatco gather_co(__global const float *p, const int stride) {
    float lanes[COV];
#pragma unroll
    for (int l = 0; l < COV; l++) lanes[l] = p[l * stride];
    return LOAD_COV(lanes);
}

inline void scatter_c(const floatc value, __global float *p, const int stride) {
    float lanes[CV];
    STORE_CV(value, lanes);
#pragma unroll
    for (int l = 0; l < CV; l++) p[l * stride] = lanes[l];
}

inline void scatter_co(const floatco value, __global float *p, const int stride) {
    float lanes[COV];
    STORE_COV(value, lanes);
#pragma unroll
    for (int l = 0; l < COV; l++) p[l * stride] = lanes[l];
}

// U[xi] = (G g G^T)[xi] for the K x K filters g = weight[co][c], COV output channels co .. co + COV per
// work-item as the lanes of a vector, stored at U[xi][c][co] (the forward's layout: the lanes contiguous).
// Work-item (co / COV, c). With STREAM_U the stores are non-temporal (see STREAM_V): U is written whole
// before the products read it, and AlexNet's conv3-5 hold 25-38 MB of it.
__kernel void winograd_filter(__global float *u, __global const float *weight) {
    const int co = get_global_id(0) * COV;
    const int c = get_global_id(1);
    if (co >= CO) return;
    floatco g[K][K];
    __global const float *src = weight + ((long) co * C + c) * (K * K);
#pragma unroll
    for (int k = 0; k < K * K; k++) g[k / K][k % K] = gather_co(src + k, C * K * K);
    floatco gg[ALPHA][K]; // G g
    SMALL_PRODUCT_OF(floatco, ALPHA, K, K, G[i][k], g[k][j], gg[i][j] = sum);
    __global float *dst = u + (long) c * CO + co;
    SMALL_PRODUCT_OF(floatco, ALPHA, ALPHA, K, gg[i][k], G[j][k], STORE_U_CO(sum, dst + (long) (i * ALPHA + j) * U_PLANE));
}

// The same transform stored at U[xi][co][c] (the backward's layout, for dV = dM U), CV input channels
// c .. c + CV per work-item, contiguous there. Work-item (co, c / CV).
__kernel void winograd_filter_by_output_channel(__global float *u, __global const float *weight) {
    const int co = get_global_id(0);
    const int c = get_global_id(1) * CV;
    if (c >= C) return;
    floatc g[K][K];
    __global const float *src = weight + ((long) co * C + c) * (K * K);
#pragma unroll
    for (int k = 0; k < K * K; k++) g[k / K][k % K] = gather_c(src + k, K * K);
    floatc gg[ALPHA][K]; // G g
    SMALL_PRODUCT_OF(floatc, ALPHA, K, K, G[i][k], g[k][j], gg[i][j] = sum);
    __global float *dst = u + (long) co * C + c;
    SMALL_PRODUCT_OF(floatc, ALPHA, ALPHA, K, gg[i][k], G[j][k], STORE_U_C(sum, dst + (long) (i * ALPHA + j) * U_PLANE));
}

// dWeight[co][c] = G^T dU G, the adjoint of winograd_filter, from dU[xi][c][co], for COV output channels
// co .. co + COV per work-item (contiguous in dU). Work-item (co / COV, c).
__kernel void winograd_filter_gradient(__global float *d_weight, __global const float *d_u) {
    const int co = get_global_id(0) * COV;
    const int c = get_global_id(1);
    if (co >= CO) return;
    floatco du[ALPHA][ALPHA];
#pragma unroll
    for (int xi = 0; xi < XI; xi++) du[xi / ALPHA][xi % ALPHA] = LOAD_COV(d_u + (long) xi * U_PLANE + (long) c * CO + co);
    floatco gt[K][ALPHA]; // G^T dU
    SMALL_PRODUCT_OF(floatco, K, ALPHA, ALPHA, G[k][i], du[k][j], gt[i][j] = sum);
    __global float *dst = d_weight + ((long) co * C + c) * (K * K);
    SMALL_PRODUCT_OF(floatco, K, K, ALPHA, gt[i][k], G[k][j], scatter_co(sum, dst + i * K + j, C * K * K));
}

// V[xi][t][c] = (B^T d B)[xi] for the input patch d of tile t, channels c .. c + CV (zeros outside the input).
// Work-item (c / CV, t).
__kernel void winograd_input(__global float *v, const long v_offset, __global const float *input, const long input_offset) {
    const int c = get_global_id(0) * CV;
    const int t = get_global_id(1);
    if (c >= C) return;
    const int b = t / (TH * TW);
    const int ty = t / TW % TH;
    const int tx = t % TW;
    const int y0 = ty * TILE - PAD;
    const int x0 = tx * TILE - PAD;
    __global const float *plane = input + input_offset + ((long) b * C + c) * H * W;
    floatc d[ALPHA][ALPHA];
#pragma unroll
    for (int i = 0; i < ALPHA; i++)
#pragma unroll
        for (int j = 0; j < ALPHA; j++) {
            const int y = y0 + i;
            const int x = x0 + j;
            // A conditional load: with PoCL 14-18 ms on conv4's shape at batch 64, against 40-70 ms for an
            // unconditional load from a clamped address followed by a select.
            d[i][j] = y >= 0 && y < H && x >= 0 && x < W ? gather_c(plane + y * W + x, H * W) : (floatc) (0.0f);
        }
    floatc bd[ALPHA][ALPHA]; // B^T d
    SMALL_PRODUCT_OF(floatc, ALPHA, ALPHA, ALPHA, BT[i][k], d[k][j], bd[i][j] = sum);
    __global float *dst = v + v_offset + (long) t * C + c;
    SMALL_PRODUCT_OF(floatc, ALPHA, ALPHA, ALPHA, bd[i][k], BT[j][k], STORE_V(sum, dst + (long) (i * ALPHA + j) * V_PLANE));
}

// dInput = the adjoint of winograd_input, in two steps. First, in place, each tile's dV becomes
// dD = B dV B^T, the gradient of its ALPHA x ALPHA input patch. Work-item (c / CV, t).
__kernel void winograd_input_gradient_tiles(__global float *d_v, const long d_v_offset) {
    const int c = get_global_id(0) * CV;
    const int t = get_global_id(1);
    if (c >= C) return;
    __global float *tile = d_v + d_v_offset + (long) t * C + c;
    floatc dv[ALPHA][ALPHA];
#pragma unroll
    for (int xi = 0; xi < XI; xi++) dv[xi / ALPHA][xi % ALPHA] = LOAD_CV(tile + (long) xi * V_PLANE);
    floatc bdv[ALPHA][ALPHA]; // B dV
    SMALL_PRODUCT_OF(floatc, ALPHA, ALPHA, ALPHA, BT[k][i], dv[k][j], bdv[i][j] = sum);
    SMALL_PRODUCT_OF(floatc, ALPHA, ALPHA, ALPHA, bdv[i][k], BT[k][j], STORE_CV(sum, tile + (long) (i * ALPHA + j) * V_PLANE));
}

// Then each input element sums the patch gradients dD of the tiles that read it. Work-item (c / CV, block)
// owns the TILE x TILE inputs y = by*TILE - PAD + i, x = bx*TILE - PAD + j (i, j < TILE), which tile
// (by, bx) reads at patch position (i, j) and, for i or j below ALPHA - TILE, tiles (by - 1, .) and
// (., bx - 1) at i + TILE or j + TILE; it overwrites them (no atomics), dropping the padding. Channels run
// along dimension 0, so neighbouring work-items read neighbouring entries of dD: contiguous loads. (With
// the channel-major layout before, on conv4's shape at batch 64, PoCL on the shared 2-core Zen 4: 22-40 ms,
// against 47 ms for one work-item per input element, which gathers from ALPHA^2 planes, and ~100 ms for one
// kernel doing both steps per block.)
// A patch of ALPHA inputs spans SPAN blocks of TILE (2 for F(4x4,3x3), F(2x2,3x3), F(6x6,3x3) and F(4x4,5x5), 3 for
// F(2x2,5x5)).
#define SPAN ((ALPHA + TILE - 1) / TILE)
#define BH ((H + PAD + TILE - 1) / TILE)
#define BW ((W + PAD + TILE - 1) / TILE)
__kernel void winograd_input_gradient(__global float *d_input, const long d_input_offset,
                                      __global const float *d_d, const long d_d_offset) {
    const int c = get_global_id(0) * CV;
    const int block = get_global_id(1);
    if (c >= C) return;
    const int b = block / (BH * BW);
    const int by = block / BW % BH;
    const int bx = block % BW;
    __global const float *src = d_d + d_d_offset + (long) b * TH * TW * C + c;
    floatc acc[TILE][TILE];
#pragma unroll
    for (int i = 0; i < TILE; i++)
#pragma unroll
        for (int j = 0; j < TILE; j++) acc[i][j] = (floatc) (0.0f);
#pragma unroll
    for (int dy = 0; dy < SPAN; dy++) {
        const int ty = by - dy;
        const bool row_ok = ty >= 0 && ty < TH;
#pragma unroll
        for (int dx = 0; dx < SPAN; dx++) {
            const int tx = bx - dx;
            const bool ok = row_ok && tx >= 0 && tx < TW;
#pragma unroll
            for (int i = 0; i < TILE; i++) {
                const int pi = dy * TILE + i;
                if (pi >= ALPHA) continue; // known at compile time once unrolled
#pragma unroll
                for (int j = 0; j < TILE; j++) {
                    const int pj = dx * TILE + j;
                    if (pj >= ALPHA) continue;
                    if (ok) acc[i][j] += LOAD_CV(src + (long) (pi * ALPHA + pj) * V_PLANE + (long) (ty * TW + tx) * C);
                }
            }
        }
    }
    __global float *plane = d_input + d_input_offset + ((long) b * C + c) * H * W;
#pragma unroll
    for (int i = 0; i < TILE; i++) {
        const int y = by * TILE - PAD + i;
#pragma unroll
        for (int j = 0; j < TILE; j++) {
            const int x = bx * TILE - PAD + j;
            if (y >= 0 && y < H && x >= 0 && x < W) scatter_c(acc[i][j], plane + y * W + x, H * W);
        }
    }
}

// out[b][co] block of tile t = activate(A^T M A + bias[co]) for co .. co + COV, the outputs inside HO x WO only.
// Work-item (co / COV, t).
__kernel void winograd_output(__global float *out, const long out_offset, __global const float *m, const long m_offset,
                              __global const float *bias) {
    const int co = get_global_id(0) * COV;
    const int t = get_global_id(1);
    if (co >= CO) return;
    __global const float *src = m + m_offset + (long) t * CO + co;
    floatco mm[ALPHA][ALPHA];
#pragma unroll
    for (int xi = 0; xi < XI; xi++) mm[xi / ALPHA][xi % ALPHA] = LOAD_COV(src + (long) xi * M_PLANE);
    floatco am[TILE][ALPHA]; // A^T M
    SMALL_PRODUCT_OF(floatco, TILE, ALPHA, ALPHA, AT[i][k], mm[k][j], am[i][j] = sum);
    const int b = t / (TH * TW);
    const int oy0 = t / TW % TH * TILE;
    const int ox0 = t % TW * TILE;
    const floatco bias_co = LOAD_COV(bias + co);
    __global float *plane = out + out_offset + ((long) b * CO + co) * HO * WO;
#pragma unroll
    for (int i = 0; i < TILE; i++) {
        if (oy0 + i >= HO) continue;
#pragma unroll
        for (int j = 0; j < TILE; j++) {
            if (ox0 + j >= WO) continue;
            floatco sum = (floatco) (0.0f);
#pragma unroll
            for (int k = 0; k < ALPHA; k++) sum += am[i][k] * AT[j][k];
            scatter_co(ACTIVATE(floatco, sum + bias_co), plane + (oy0 + i) * WO + ox0 + j, HO * WO);
        }
    }
}

// dM[xi][t][co] = (A dZ A^T)[xi], the adjoint of winograd_output's A^T M A, for the block dZ of
// pre-activation gradients dz[b][co .. co + COV] under tile t (zeros past the output). With
// through_activation, dz = d_out * ACTIVATION_SLOPE(out) here (out: the forward's output), else d_out is dz.
// Work-item (co / COV, t).
__kernel void winograd_output_gradient(__global float *d_m, const long d_m_offset, __global const float *d_out,
                                       const long d_out_offset, __global const float *out, const long out_offset,
                                       const int through_activation) {
    const int co = get_global_id(0) * COV;
    const int t = get_global_id(1);
    if (co >= CO) return;
    const int b = t / (TH * TW);
    const int oy0 = t / TW % TH * TILE;
    const int ox0 = t % TW * TILE;
    const long plane_offset = ((long) b * CO + co) * HO * WO;
    __global const float *plane = d_out + d_out_offset + plane_offset;
    __global const float *out_plane = out + out_offset + plane_offset;
    floatco dzz[TILE][TILE];
#pragma unroll
    for (int i = 0; i < TILE; i++)
#pragma unroll
        for (int j = 0; j < TILE; j++) {
            const int p = (oy0 + i) * WO + ox0 + j;
            floatco value = (floatco) (0.0f);
            if (oy0 + i < HO && ox0 + j < WO) {
                value = gather_co(plane + p, HO * WO);
                if (through_activation) value *= ACTIVATION_SLOPE(floatco, gather_co(out_plane + p, HO * WO));
            }
            dzz[i][j] = value;
        }
    floatco adz[ALPHA][TILE]; // A dZ
    SMALL_PRODUCT_OF(floatco, ALPHA, TILE, TILE, AT[k][i], dzz[k][j], adz[i][j] = sum);
    __global float *dst = d_m + d_m_offset + (long) t * CO + co;
    SMALL_PRODUCT_OF(floatco, ALPHA, ALPHA, TILE, adz[i][k], AT[k][j], STORE_M(sum, dst + (long) (i * ALPHA + j) * M_PLANE));
}

// dBias[co .. co + COV] (+)= the sum of dz over the chunk, from dM: A^T's column for the interpolation point 1
// (xi = ALPHA + 1, i = j = 1) is all ones, so that element of A dZ A^T is the sum of its tile's dZ (zeros past
// the output), and summing it over the tiles reads T x CO floats where dz has B x CO x HO x WO.
// Work-item co / COV.
__kernel void winograd_bias_gradient(__global float *d_bias, __global const float *d_m, const long d_m_offset,
                                     const int accumulate) {
    const int co = get_global_id(0) * COV;
    if (co >= CO) return;
    __global const float *src = d_m + d_m_offset + (long) (ALPHA + 1) * M_PLANE + co;
    floatco sum = (floatco) (0.0f);
    for (int t = 0; t < T; t++) sum += LOAD_COV(src + (long) t * CO);
    if (accumulate) sum += LOAD_COV(d_bias + co);
    STORE_COV(sum, d_bias + co);
}
