// Forward epilogue of conv and dense layers: adds the bias and applies the activation while moving
// the GEMM result into the layer's output layout.
//
// Shapes: B images (of this chunk), CO output channels, P positions per channel (Ho*Wo; 1 for dense).
// Index convention: out[b][co][p] (NCHW, contiguous from out_offset). The GEMM result's element
// (b, co, p) sits at src[src_offset + co*SRC_CHANNEL_STRIDE + b*SRC_BATCH_STRIDE + p]; src may be out
// itself when the two layouts agree (each work-item reads and writes only its own element).
// Work-item (p, b*CO + co) handles one element: no loop, so PoCL vectorises across work-items along p,
// where every access is contiguous (coalesced on a GPU), and no per-element division by P.

#include "activation.cl"

#ifndef B
#define B 1 // images
#endif
#ifndef CO
#define CO 1 // channels
#endif
#ifndef P
#define P 1 // positions per channel
#endif
#ifndef SRC_CHANNEL_STRIDE
#define SRC_CHANNEL_STRIDE (B * P) // default: the GEMM's channel-major [CO][B][P]
#endif
#ifndef SRC_BATCH_STRIDE
#define SRC_BATCH_STRIDE P
#endif

__kernel void bias_activation(__global float *out, const long out_offset,
                              __global const float *src, const long src_offset,
                              __global const float *bias) {
    const int p = get_global_id(0);
    const int row = get_global_id(1); // b*CO + co
    const int b = row / CO;
    const int co = row % CO;
    out[out_offset + (long) row * P + p] = activate(src[src_offset + co * SRC_CHANNEL_STRIDE + b * SRC_BATCH_STRIDE + p] + bias[co]);
}
