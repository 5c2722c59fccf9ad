// Inverted dropout: y = x * SCALE where the element is kept, 0 where it is dropped. Element e is
// kept iff word e % 4 of Philox block e / 4 under the step's key is >= DROP_BELOW, so the mask is a
// pure function of (key, element index): the backward pass replays it instead of storing it, and the
// same kernel maps dOutput to dInput.
//
// Shapes: ELEMENTS = N batch x F features, contiguous. Index convention: work-item g handles the
// Philox blocks [g * BLOCKS_PER_ITEM, (g + 1) * BLOCKS_PER_ITEM), 4 elements each as one float4; the
// work-item owning block ELEMENTS / 4 also does the last ELEMENTS % 4 elements.

#include "rng.cl"

#ifndef ELEMENTS
#define ELEMENTS 4 // N x F values
#endif
#ifndef DROP_BELOW
#define DROP_BELOW 2147483648u // round(p * 2^32): a word below it drops its element (p = 0.5 here)
#endif
#ifndef SCALE
#define SCALE 2.0f // 1 / (1 - p), rounded to float as PyTorch does
#endif
#ifndef BLOCKS_PER_ITEM
#define BLOCKS_PER_ITEM 4 // 16 contiguous elements per work-item: enough work to amortise the launch
#endif

#define FULL_BLOCKS (ELEMENTS / 4)
#define TAIL (ELEMENTS % 4)

inline float4 mask_scale(uint block, ulong key) {
    const uint4 words = philox_block(block, key);
    return select((float4) (0.0f), (float4) (SCALE), words >= (uint4) (DROP_BELOW));
}

__kernel void dropout_apply(__global float *output, __global const float *input, const ulong key) {
    const int first = get_global_id(0) * BLOCKS_PER_ITEM;
    for (int block = first; block < first + BLOCKS_PER_ITEM && block < FULL_BLOCKS; block++) {
        vstore4(vload4(block, input) * mask_scale(block, key), block, output);
    }
#if TAIL
    if (FULL_BLOCKS >= first && FULL_BLOCKS < first + BLOCKS_PER_ITEM) {
        float lanes[4];
        vstore4(mask_scale(FULL_BLOCKS, key), 0, lanes);
        for (int lane = 0; lane < TAIL; lane++) {
            output[4 * FULL_BLOCKS + lane] = input[4 * FULL_BLOCKS + lane] * lanes[lane];
        }
    }
#endif
}
