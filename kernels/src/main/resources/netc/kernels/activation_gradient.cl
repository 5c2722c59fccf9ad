// First step of a conv or dense backward pass: the gradient with respect to the pre-activation,
// dz = d_out * activate'(.), the slope taken from the forward OUTPUT out, written in the layout the
// weight-gradient GEMM reads.
//
// Shapes: B images (of this chunk), CO channels, P positions per channel (Ho*Wo; 1 for dense).
// Index convention: d_out[b][co][p] and out[b][co][p] (NCHW, contiguous from their offsets); the
// result for (b, co, p) goes to dz[dz_offset + co*DZ_CHANNEL_STRIDE + b*DZ_BATCH_STRIDE + p]. dz may be
// d_out itself when the layouts agree (each work-item reads and writes only its own element).
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
#ifndef DZ_CHANNEL_STRIDE
#define DZ_CHANNEL_STRIDE (B * P) // default: channel-major [CO][B][P], as the conv GEMMs read it
#endif
#ifndef DZ_BATCH_STRIDE
#define DZ_BATCH_STRIDE P
#endif

__kernel void activation_gradient(__global float *dz, const long dz_offset,
                                  __global const float *d_out, const long d_out_offset,
                                  __global const float *out, const long out_offset) {
    const int p = get_global_id(0);
    const int row = get_global_id(1); // b*CO + co
    const int b = row / CO;
    const int co = row % CO;
    const long i = (long) row * P + p;
    dz[dz_offset + co * DZ_CHANNEL_STRIDE + b * DZ_BATCH_STRIDE + p] =
            d_out[d_out_offset + i] * activation_slope(out[out_offset + i]);
}
