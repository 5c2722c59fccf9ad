// The shape of one matrix product, shared by gemm.cl, gemm_tiled.cl and gemm_reference.cl (which include it):
// C (M x N) = op(A) (M x K) · op(B) (K x N), or C += when ACCUMULATE. Every value comes in as a -D
// define; the defaults let each file compile alone.

#ifndef M
#define M 1 // rows of C
#endif
#ifndef N
#define N 1 // columns of C
#endif
#ifndef K
#define K 1 // the summed dimension
#endif
#ifndef TRANS_A
#define TRANS_A 0 // 1: A is stored K x M
#endif
#ifndef TRANS_B
#define TRANS_B 0 // 1: B is stored N x K
#endif
#ifndef ACCUMULATE
#define ACCUMULATE 0 // 1: C += op(A) op(B)
#endif
