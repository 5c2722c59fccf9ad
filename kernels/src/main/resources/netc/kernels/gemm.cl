// Fast matrix product C = op(A) op(B) (or C += ...), specialised to one shape at build time.
//
// Index convention: all matrices row-major and contiguous; offsets are in floats. Shape legend:
//   op(A) is M x K (A stored K x M when TRANS_A), op(B) is K x N (B stored N x K when TRANS_B),
//   C is M x N. i indexes rows of C (0..M), j columns (0..N), k the summed dimension (0..K).
//
// Each work-item owns a register block of C and keeps it in vector registers for the whole k loop:
// PoCL on CPUs does not vectorise across work-items when the kernel has a loop, so the vector types
// written here are the SIMD lanes. Two kernels cover the four transposes:
//
//   gemm_outer  rank-1 updates: per k, BLOCK_ROWS scalars of the left operand times one vector of
//               the right operand (contiguous along its columns). NN and TN compute C = A B directly
//               (left = A, right = B); TT computes C^T = B A (left = B, right = A, both then read
//               untransposed) and stores transposed. Either operand may first be packed (below);
//               NT runs here only with B packed, which transposes it, or with SWAP=1 as
//               C^T = B A^T (left = B as stored, right = A packed, which transposes it).
//   gemm_dot    dot products: both operands contiguous along k (NT), vectorised along k with a
//               horizontal sum at the end. Used for NT unless K is short (the sums then dominate).
//
// Edges: the last block along a dimension slides back so that it ends exactly at the edge (all loads
// stay in bounds, no guards in the loop) and stores only the elements the previous block does not own.
// The host picks block sizes no larger than the matrix, so a block always fits.
//
// Batches: a third grid dimension runs several products of this shape in one launch; product z reads
// its operands and writes C STRIDE_LEFT, STRIDE_RIGHT and STRIDE_C floats past product z - 1's (0 and
// an unused dimension for one product). Batched launches read their operands unpacked: the packing
// scratch holds one product's operand.

#include "gemm_shape.cl"
#ifndef BLOCK_ROWS
#define BLOCK_ROWS 8 // rows of a register block; the host keeps it <= the rows of the product
#endif
#ifndef BLOCK_COLS
#define BLOCK_COLS 16 // columns of a register block; in gemm_outer the vector width (1, 2, 4, 8 or 16)
#endif
#ifndef VECTOR_K
#define VECTOR_K 16 // gemm_dot: vector width along k (1, 2, 4, 8 or 16), at most K
#endif
#ifndef PACK_LEFT
#define PACK_LEFT 0 // gemm_outer: 1 if the left operand comes packed by gemm_pack_left
#endif
#ifndef PACK_RIGHT
#define PACK_RIGHT 0 // gemm_outer: 1 if the right operand comes packed by gemm_pack_right
#endif
#ifndef STREAM_PACK
#define STREAM_PACK 0 // gemm_pack_right, NN and TN: write the packed copy with streaming (non-temporal) stores
#endif
#ifndef STRIDE_LEFT
#define STRIDE_LEFT 0 // batches: floats from one product's left operand to the next's (gemm_dot: A)
#endif
#ifndef STRIDE_RIGHT
#define STRIDE_RIGHT 0 // batches: floats from one product's right operand to the next's (gemm_dot: B)
#endif
#ifndef STRIDE_C
#define STRIDE_C 0 // batches: floats from one product's C to the next's
#endif

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

// ---- storing C, shared by both kernels ------------------------------------------------------------
#if ACCUMULATE
#define WITH_OLD(v, index) ((v) + c[index])
#else
#define WITH_OLD(v, index) (v)
#endif
// Stores a finished sum v at c[index] (added to the old value when ACCUMULATE).
#define STORE_C(index, v) (c[index] = WITH_OLD(v, index))

// ---- gemm_outer ---------------------------------------------------------------------------------
// It computes the P x Q product of a left operand (P x K) and a right operand (K x Q).
//
// Packing copies an operand once so that the k loop reads each block's part of it as one sequential
// stream; it pays when many blocks reuse that part. Unpacked, a right-operand panel is K cache lines
// Q floats apart, and the rows of a left block are K floats apart; for sizes like 4096 these all fall
// into a few cache sets and evict each other (and each touches its own page).
//   packed left:  block t (rows p0 .. p0 + BLOCK_ROWS of the slid-back row block t) as K groups of
//                 BLOCK_ROWS floats at left[t * K * BLOCK_ROWS];
//   packed right: panel t (columns q0 .. q0 + BLOCK_COLS of the slid-back column block t) as K
//                 vectors at right[t * K * BLOCK_COLS].

#ifndef SWAP
#define SWAP (TRANS_A && TRANS_B) // the host sets it also for NT with few rows of C (below)
#endif
#if SWAP
#define P N
#define Q M
#define STORE_TRANSPOSED 1
#else
#define P M
#define Q N
#define STORE_TRANSPOSED 0
#endif

// NT runs gemm_outer only with PACK_RIGHT=1: its unpacked right operand would be read as K x N, which
// B (stored N x K) is not. (No #error for it: gemm_dot is built from this same program.) With SWAP=1
// NT computes C^T = B A^T: the left operand is B read as stored (N x K) and the right one A, packed
// (transposed) like NT's B; this leaves a large B, e.g. a dense layer's [out][in] weight, unpacked and
// read once per column block of C^T, while only the small A (a batch of rows) is copied.

// Element (p, k) of the unpacked left operand: A (M x K) for NN, A stored K x M for TN, B (N x K) for TT
// and swapped NT.
#if TRANS_A && !TRANS_B
#define LEFT_AT(p, k) left[(long)(k) * M + (p)]
#else
#define LEFT_AT(p, k) left[(long)(p) * K + (k)]
#endif

#if BLOCK_COLS == 1
#define qvec float
#define LOAD_Q(offset, pointer) (pointer)[offset]
#define STORE_Q(value, offset, pointer) ((pointer)[offset] = (value))
#define LANE(v, c) (v)
#else
#define qvec CAT(float, BLOCK_COLS)
#define LOAD_Q(offset, pointer) CAT(vload, BLOCK_COLS)(0, (pointer) + (offset))
#define STORE_Q(value, offset, pointer) CAT(vstore, BLOCK_COLS)(value, 0, (pointer) + (offset))
#define LANE(v, c) (((const float *)&(v))[c])
#endif

// Index in C of element (p, q) of the computed product (C has fewer than 2^31 elements: GemmShape).
#if STORE_TRANSPOSED
#define C_INDEX(p, q) ((q) * N + (p))
#else
#define C_INDEX(p, q) ((p) * Q + (q))
#endif

// Grid: (row blocks, column blocks[, products]), row blocks fastest so that neighbouring work-items
// share the right operand's column panel while it is in cache.
__kernel void gemm_outer(__global float *c, const long c_offset,
                         __global const float *left, const long left_offset,
                         __global const float *right, const long right_offset) {
    const int row_block = get_global_id(0);
    const int col_block = get_global_id(1);
    const int p_nominal = row_block * BLOCK_ROWS;
    const int q_nominal = col_block * BLOCK_COLS;
    if (q_nominal >= Q || p_nominal >= P) return; // padding of the launch grid
    const int q0 = min(q_nominal, Q - BLOCK_COLS);
    const int p0 = min(p_nominal, P - BLOCK_ROWS);
    const long product = get_global_id(2);
    c += c_offset + product * STRIDE_C;
    left += left_offset + product * STRIDE_LEFT;
    right += right_offset + product * STRIDE_RIGHT;

    // Where element (p0 + r, k) of the left block lives: left_k[r * row_step], left_k advancing by k_step.
#if PACK_LEFT
    __global const float *left_k = left + (long)row_block * K * BLOCK_ROWS;
    const int row_step = 1, k_step = BLOCK_ROWS;
#elif TRANS_A && !TRANS_B
    __global const float *left_k = left + p0;
    const int row_step = 1, k_step = M;
#else
    __global const float *left_k = left + (long)p0 * K;
    const int row_step = K, k_step = 1;
#endif
#if PACK_RIGHT
    __global const float *right_k = right + (long)col_block * K * BLOCK_COLS;
    const int right_step = BLOCK_COLS;
#else
    __global const float *right_k = right + q0;
    const int right_step = Q;
#endif

    qvec acc[BLOCK_ROWS];
#pragma unroll
    for (int r = 0; r < BLOCK_ROWS; r++) acc[r] = (qvec)(0.0f);

    for (int k = 0; k < K; k++) {
        const qvec row = LOAD_Q(0, right_k);
#pragma unroll
        for (int r = 0; r < BLOCK_ROWS; r++) acc[r] = mad((qvec)(left_k[r * row_step]), row, acc[r]);
        right_k += right_step;
        left_k += k_step;
    }

#pragma unroll
    for (int r = 0; r < BLOCK_ROWS; r++) {
        const int p = p0 + r;
        if (p < p_nominal) continue; // owned by the previous block
#if !STORE_TRANSPOSED
        if (q0 == q_nominal) { // a whole row of the block is ours: one vector store
            qvec out = acc[r];
#if ACCUMULATE
            out += LOAD_Q(C_INDEX(p, q0), c);
#endif
            STORE_Q(out, C_INDEX(p, q0), c);
            continue;
        }
#endif
        for (int col = q_nominal - q0; col < BLOCK_COLS; col++) {
            const int q = q0 + col;
            STORE_C(C_INDEX(p, q), LANE(acc[r], col));
        }
    }
}

#ifndef PACK_K_ROWS
#define PACK_K_ROWS 16 // k rows copied per work-item of the pack kernels: a few cache lines of work
#endif

// Grid: (ceil(K / PACK_K_ROWS), row blocks). Reads the unpacked left operand.
__kernel void gemm_pack_left(__global float *packed, __global const float *left, const long left_offset) {
    const int k_first = get_global_id(0) * PACK_K_ROWS;
    const int row_block = get_global_id(1);
    if (k_first >= K || row_block * BLOCK_ROWS >= P) return; // padding of the launch grid
    const int p0 = min(row_block * BLOCK_ROWS, P - BLOCK_ROWS);
    left += left_offset;
    __global float *out = packed + (long)row_block * K * BLOCK_ROWS;
    const int k_end = min(k_first + PACK_K_ROWS, K);
    for (int k = k_first; k < k_end; k++)
#pragma unroll
        for (int r = 0; r < BLOCK_ROWS; r++) out[(long)k * BLOCK_ROWS + r] = LEFT_AT(p0 + r, k);
}

// Grid: (ceil(K / PACK_K_ROWS), column blocks). Reads the unpacked right operand (K x Q; for NT, B
// stored N x K, or with SWAP A stored M x K: either way Q x K).
__kernel void gemm_pack_right(__global float *packed, __global const float *right, const long right_offset) {
    const int k_first = get_global_id(0) * PACK_K_ROWS;
    const int col_block = get_global_id(1);
    if (k_first >= K || col_block * BLOCK_COLS >= Q) return; // padding of the launch grid
    const int q0 = min(col_block * BLOCK_COLS, Q - BLOCK_COLS);
    right += right_offset;
    __global float *out = packed + (long)col_block * K * BLOCK_COLS;
    const int k_end = min(k_first + PACK_K_ROWS, K);
#if TRANS_B && !TRANS_A
    // NT: B is stored N x K, so column q of the right operand is row q of B; transpose while copying.
    for (int col = 0; col < BLOCK_COLS; col++)
        for (int k = k_first; k < k_end; k++) out[(long)k * BLOCK_COLS + col] = right[(long)(q0 + col) * K + k];
#else
#if STREAM_PACK && defined(__has_builtin)
#if __has_builtin(__builtin_nontemporal_store)
    // A copy far larger than the caches is read back from memory anyway: write it around them, saving the
    // read of each line before its write. Vector stores of this kind need a whole-vector alignment (the
    // packed panels keep it when the scratch does; else the plain stores below). x86 orders such stores
    // only at a fence, so each work-item ends with one before the product's launch reads them.
    if (((ulong)out & (sizeof(qvec) - 1)) == 0) {
        for (int k = k_first; k < k_end; k++)
            __builtin_nontemporal_store(LOAD_Q((long)k * Q + q0, right), (__global qvec *)(out + (long)k * BLOCK_COLS));
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_sfence();
#endif
        return;
    }
#endif
#endif
    for (int k = k_first; k < k_end; k++) STORE_Q(LOAD_Q((long)k * Q + q0, right), (long)k * BLOCK_COLS, out);
#endif
}

// ---- gemm_dot -----------------------------------------------------------------------------------
// NT: C[i][j] = sum_k A[i][k] B[j][k], both rows contiguous along k.

#if VECTOR_K == 1
#define kvec float
#define LOAD_K(pointer) (*(pointer))
#define HSUM(v) (v)
#else
#define kvec CAT(float, VECTOR_K)
#define LOAD_K(pointer) CAT(vload, VECTOR_K)(0, pointer)
#endif
#if VECTOR_K == 2
#define HSUM(v) ((v).s0 + (v).s1)
#elif VECTOR_K == 4
#define HSUM(v) (((v).s0 + (v).s1) + ((v).s2 + (v).s3))
#elif VECTOR_K == 8
#define HSUM(v) ((((v).s0 + (v).s1) + ((v).s2 + (v).s3)) + (((v).s4 + (v).s5) + ((v).s6 + (v).s7)))
#elif VECTOR_K == 16
#define HSUM(v) hsum16(v)
inline float hsum16(float16 v) {
    const float8 h = v.lo + v.hi;
    const float4 q = h.lo + h.hi;
    return (q.s0 + q.s1) + (q.s2 + q.s3);
}
#endif

#if VECTOR_K == 16
// Sums 16 accumulators at once: each step adds the two halves of every partial sum and packs two
// vectors into one, 15 vector adds in all instead of 16 separate 4-step horizontal sums; this matters
// when K is short (convolution weight gradients have K = H*W, e.g. 144). Lane 4r+s of the result is
// the sum of acc[r][s].
inline float16 halve_pairs(float16 x, float16 y) { // x, y hold 8-lane partials -> 4-lane each
    return (float16)(x.s0123, x.s89ab, y.s0123, y.s89ab) + (float16)(x.s4567, x.scdef, y.s4567, y.scdef);
}
inline float16 halve_quads(float16 x, float16 y) { // 4-lane partials -> 2-lane each
    return (float16)(x.s01, x.s45, x.s89, x.scd, y.s01, y.s45, y.s89, y.scd)
         + (float16)(x.s23, x.s67, x.sab, x.sef, y.s23, y.s67, y.sab, y.sef);
}
inline float16 reduce_4x4(float16 acc[4][4]) {
    float16 h[8]; // h[t] holds 8-lane partials of acc t*2 (lanes 0-7) and t*2+1 (lanes 8-15)
#pragma unroll
    for (int t = 0; t < 8; t++) {
        const float16 x = acc[t / 2][(t % 2) * 2];
        const float16 y = acc[t / 2][(t % 2) * 2 + 1];
        h[t] = (float16)(x.lo, y.lo) + (float16)(x.hi, y.hi);
    }
    const float16 q0 = halve_pairs(h[0], h[1]), q1 = halve_pairs(h[2], h[3]);
    const float16 q2 = halve_pairs(h[4], h[5]), q3 = halve_pairs(h[6], h[7]);
    const float16 e0 = halve_quads(q0, q1), e1 = halve_quads(q2, q3);
    return (float16)(e0.even, e1.even) + (float16)(e0.odd, e1.odd);
}
#endif

#define K_VECTORS (K / VECTOR_K)
#define K_TAIL (K_VECTORS * VECTOR_K)

__kernel void gemm_dot(__global float *c, const long c_offset,
                       __global const float *a, const long a_offset,
                       __global const float *b, const long b_offset) {
    const int i_nominal = get_global_id(0) * BLOCK_ROWS;
    const int j_nominal = get_global_id(1) * BLOCK_COLS;
    if (j_nominal >= N || i_nominal >= M) return; // padding of the launch grid
    const int j0 = min(j_nominal, N - BLOCK_COLS);
    const int i0 = min(i_nominal, M - BLOCK_ROWS);
    const long product = get_global_id(2);
    c += c_offset + product * STRIDE_C;
    __global const float *a_rows = a + a_offset + product * STRIDE_LEFT + (long)i0 * K;
    __global const float *b_rows = b + b_offset + product * STRIDE_RIGHT + (long)j0 * K;

    kvec acc[BLOCK_ROWS][BLOCK_COLS];
#pragma unroll
    for (int r = 0; r < BLOCK_ROWS; r++)
#pragma unroll
        for (int s = 0; s < BLOCK_COLS; s++) acc[r][s] = (kvec)(0.0f);

    for (int k = 0; k < K_TAIL; k += VECTOR_K) {
        kvec av[BLOCK_ROWS];
        kvec bv[BLOCK_COLS];
#pragma unroll
        for (int r = 0; r < BLOCK_ROWS; r++) av[r] = LOAD_K(a_rows + r * K + k);
#pragma unroll
        for (int s = 0; s < BLOCK_COLS; s++) bv[s] = LOAD_K(b_rows + s * K + k);
#pragma unroll
        for (int r = 0; r < BLOCK_ROWS; r++)
#pragma unroll
            for (int s = 0; s < BLOCK_COLS; s++) acc[r][s] = mad(av[r], bv[s], acc[r][s]);
    }

    // Horizontal sums, then the k tail (K not a multiple of VECTOR_K) in scalars.
    float sums[BLOCK_ROWS][BLOCK_COLS];
#if BLOCK_ROWS == 4 && BLOCK_COLS == 4 && VECTOR_K == 16
    vstore16(reduce_4x4(acc), 0, &sums[0][0]);
#else
#pragma unroll
    for (int r = 0; r < BLOCK_ROWS; r++)
#pragma unroll
        for (int s = 0; s < BLOCK_COLS; s++) sums[r][s] = HSUM(acc[r][s]);
#endif
#pragma unroll
    for (int r = 0; r < BLOCK_ROWS; r++) {
        const int i = i0 + r;
        if (i < i_nominal) continue; // owned by the previous block
#pragma unroll
        for (int s = 0; s < BLOCK_COLS; s++) {
            const int j = j0 + s;
            float sum = sums[r][s];
            for (int k = K_TAIL; k < K; k++) sum = mad(a_rows[r * K + k], b_rows[s * K + k], sum);
            if (j >= j_nominal) STORE_C(i * N + j, sum);
        }
    }
}
