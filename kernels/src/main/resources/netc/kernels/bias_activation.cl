// Forward epilogue of conv and dense layers: adds the bias and applies the activation while moving
// the GEMM result into the layer's output layout.
//
// Shapes: B images (of this chunk), CO output channels, P positions per channel (Ho*Wo; 1 for dense).
// Index convention: out[b][co][p] (NCHW, contiguous from out_offset). The GEMM result's element
// (b, co, p) sits at src[src_offset + co*SRC_CHANNEL_STRIDE + b*SRC_BATCH_STRIDE + p]; src may be out
// itself when the two layouts agree (each work-item reads and writes only its own element).
// One work-item per output element: no loop, so PoCL vectorises across work-items.

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
    const int i = get_global_id(0);
    if (i >= B * CO * P) return; // the launch is rounded up to a work-group multiple
    const int p = i % P;
    const int co = (i / P) % CO;
    const int b = i / (P * CO);
    out[out_offset + i] = activate(src[src_offset + co * SRC_CHANNEL_STRIDE + b * SRC_BATCH_STRIDE + p] + bias[co]);
}
