// Matrix product C = op(A) op(B) (or C += ...) shaped for GPUs: local-memory tiles shared by a
// work-group, coalesced global loads, a small register block per work-item.
//
// Index convention as gemm.cl (gemm_shape.cl): all matrices row-major and contiguous, offsets in
// floats; op(A) is M x K (A stored K x M when TRANS_A), op(B) is K x N (B stored N x K when TRANS_B),
// C is M x N. i indexes rows of C, j its columns, k the summed dimension.
//
// One work-group computes a TM x TN tile of C. Per step of TK along k it copies a TM x TK tile of op(A)
// and a TK x TN tile of op(B) into local memory, every work-item loading a share, then each work-item
// accumulates its WPT_M x WPT_N outputs from local memory. Work-item (x, y) of the (TN / WPT_N) x
// (TM / WPT_M) group owns rows y + r * (TM / WPT_M) and columns x + s * (TN / WPT_N) of the tile: the
// strided layout makes neighbouring work-items (x fastest) read neighbouring local words (no bank
// conflicts on op(B), a broadcast on op(A)) and store neighbouring elements of C (coalesced).
//
// Global loads walk each tile in its storage order: the flat work-item id picks VECTOR_WIDTH
// consecutive floats along the operand's contiguous dimension, so consecutive work-items read
// consecutive addresses whatever the transpose. Ragged edges (M, N, K not multiples of the tile)
// load zeros outside the matrix and skip the stores there; the grid is whole work-groups.
//
// Host constraints (GpuGemmTuning): TM % WPT_M == 0, TN % WPT_N == 0, and TM, TN, TK multiples of
// VECTOR_WIDTH, so that a vector never straddles two rows of a tile.

#include "gemm_shape.cl"
#ifndef TM
#define TM 64 // rows of C per work-group
#endif
#ifndef TN
#define TN 64 // columns of C per work-group
#endif
#ifndef TK
#define TK 16 // k per local-memory step
#endif
#ifndef WPT_M
#define WPT_M 4 // rows of C per work-item
#endif
#ifndef WPT_N
#define WPT_N 4 // columns of C per work-item
#endif
#ifndef VECTOR_WIDTH
#define VECTOR_WIDTH 4 // floats per global load (1, 2, 4, 8 or 16)
#endif

#define RTS_M (TM / WPT_M) // work-items along the rows of a tile (local dimension 1)
#define RTS_N (TN / WPT_N) // work-items along its columns (local dimension 0)
#define THREADS (RTS_M * RTS_N)
// One padding word per local row shifts consecutive rows across banks when a tile is stored
// transposed to how it is read (the non-contiguous operand orders).
#define PAD 1

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#if VECTOR_WIDTH == 1
#define vec float
#define VLOAD(pointer) (*(pointer))
#define LANE(v, l) (v)
#else
#define vec CAT(float, VECTOR_WIDTH)
#define VLOAD(pointer) CAT(vload, VECTOR_WIDTH)(0, pointer)
#define LANE(v, l) (((const float *)&(v))[l])
#endif

// Loads VECTOR_WIDTH consecutive floats of a matrix with `rows` x `cols` storage, starting at
// (row, col), as one vector where the whole run lies inside the matrix and zero-filled lane by lane
// where it crosses its edge.
inline vec load_run(__global const float *matrix, const int rows, const int cols, const int row, const int col) {
    if (row < rows && col + VECTOR_WIDTH <= cols) return VLOAD(matrix + (long)row * cols + col);
    vec run = (vec)(0.0f);
    if (row < rows)
        for (int l = 0; l < VECTOR_WIDTH; l++)
            if (col + l < cols) ((float *)&run)[l] = matrix[(long)row * cols + col + l];
    return run;
}

// Local tiles, k-major: a_tile[kk][r] is op(A)[i0 + r][k0 + kk], b_tile[kk][s] is op(B)[k0 + kk][j0 + s].
#define A_TILE_FLOATS (TK * (TM + PAD))
#define B_TILE_FLOATS (TK * (TN + PAD))

// Copies the tiles at (i0, k0) and (k0, j0). Each pass of the loop below moves THREADS vectors, the
// flat id walking the tile in storage order.
inline void load_tiles(__local float *a_tile, __local float *b_tile,
                       __global const float *a, __global const float *b,
                       const int i0, const int j0, const int k0, const int tid) {
    for (int e = tid * VECTOR_WIDTH; e < TM * TK; e += THREADS * VECTOR_WIDTH) {
#if TRANS_A // A stored K x M: a run goes along i
        const int kk = e / TM, r = e % TM;
        const vec run = load_run(a, K, M, k0 + kk, i0 + r);
        for (int l = 0; l < VECTOR_WIDTH; l++) a_tile[kk * (TM + PAD) + r + l] = LANE(run, l);
#else // A stored M x K: a run goes along k
        const int r = e / TK, kk = e % TK;
        const vec run = load_run(a, M, K, i0 + r, k0 + kk);
        for (int l = 0; l < VECTOR_WIDTH; l++) a_tile[(kk + l) * (TM + PAD) + r] = LANE(run, l);
#endif
    }
    for (int e = tid * VECTOR_WIDTH; e < TK * TN; e += THREADS * VECTOR_WIDTH) {
#if TRANS_B // B stored N x K: a run goes along k
        const int s = e / TK, kk = e % TK;
        const vec run = load_run(b, N, K, j0 + s, k0 + kk);
        for (int l = 0; l < VECTOR_WIDTH; l++) b_tile[(kk + l) * (TN + PAD) + s] = LANE(run, l);
#else // B stored K x N: a run goes along j
        const int kk = e / TN, s = e % TN;
        const vec run = load_run(b, K, N, k0 + kk, j0 + s);
        for (int l = 0; l < VECTOR_WIDTH; l++) b_tile[kk * (TN + PAD) + s + l] = LANE(run, l);
#endif
    }
}

// Grid: (ceil(N / TN) * RTS_N, ceil(M / TM) * RTS_M), work-groups of RTS_N x RTS_M.
__kernel __attribute__((reqd_work_group_size(RTS_N, RTS_M, 1)))
void gemm_tiled(__global float *c, const long c_offset,
                __global const float *a, const long a_offset,
                __global const float *b, const long b_offset) {
    __local float a_tile[A_TILE_FLOATS];
    __local float b_tile[B_TILE_FLOATS];
    const int x = get_local_id(0), y = get_local_id(1);
    const int tid = y * RTS_N + x;
    const int j0 = get_group_id(0) * TN;
    const int i0 = get_group_id(1) * TM;
    c += c_offset;
    a += a_offset;
    b += b_offset;

    float acc[WPT_M][WPT_N];
#pragma unroll
    for (int r = 0; r < WPT_M; r++)
#pragma unroll
        for (int s = 0; s < WPT_N; s++) acc[r][s] = 0.0f;

    for (int k0 = 0; k0 < K; k0 += TK) {
        load_tiles(a_tile, b_tile, a, b, i0, j0, k0, tid);
        barrier(CLK_LOCAL_MEM_FENCE);
        // Zeros past K in both tiles make the last, partial step add nothing.
        for (int kk = 0; kk < TK; kk++) {
            float b_row[WPT_N];
#pragma unroll
            for (int s = 0; s < WPT_N; s++) b_row[s] = b_tile[kk * (TN + PAD) + x + s * RTS_N];
#pragma unroll
            for (int r = 0; r < WPT_M; r++) {
                const float a_value = a_tile[kk * (TM + PAD) + y + r * RTS_M];
#pragma unroll
                for (int s = 0; s < WPT_N; s++) acc[r][s] = mad(a_value, b_row[s], acc[r][s]);
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE); // the next step overwrites the tiles
    }

#pragma unroll
    for (int r = 0; r < WPT_M; r++) {
        const int i = i0 + y + r * RTS_M;
        if (i >= M) break; // rows grow with r
#pragma unroll
        for (int s = 0; s < WPT_N; s++) {
            const int j = j0 + x + s * RTS_N;
            if (j >= N) break;
#if ACCUMULATE
            c[i * N + j] += acc[r][s];
#else
            c[i * N + j] = acc[r][s];
#endif
        }
    }
}
