// Reference matrix product: one work-item per element of C, no blocking. Correct for every shape
// and transpose; slow on CPUs (PoCL cannot vectorise its inner loop). The fast kernel is gemm.cl.
//
// Index convention: all matrices row-major. op(A) is M x K, op(B) is K x N, C is M x N.
// Work-item (j, i) computes C[i][j]. Offsets are in floats.

#include "gemm_shape.cl"

#if TRANS_A
#define A_AT(i, k) a[(k) * M + (i)]
#else
#define A_AT(i, k) a[(i) * K + (k)]
#endif
#if TRANS_B
#define B_AT(k, j) b[(j) * K + (k)]
#else
#define B_AT(k, j) b[(k) * N + (j)]
#endif

__kernel void gemm(__global float *c, const long c_offset,
                   __global const float *a, const long a_offset,
                   __global const float *b, const long b_offset) {
    const int j = get_global_id(0);
    const int i = get_global_id(1);
    if (i >= M || j >= N) return;
    c += c_offset;
    a += a_offset;
    b += b_offset;
    float sum = 0.0f;
    for (int k = 0; k < K; k++) {
        sum += A_AT(i, k) * B_AT(k, j);
    }
#if ACCUMULATE
    c[i * N + j] += sum;
#else
    c[i * N + j] = sum;
#endif
}
