// Inverted dropout: y = x * SCALE where the element is kept, 0 where it is dropped. The mask is a pure
// function of (key, element index): element e = 16 g + 4 w + b is kept iff word w of Philox block
// 4 g + b under the step's key is >= DROP_BELOW. So the backward pass replays it instead of storing it,
// and the same kernel maps dOutput to dInput. (Slicing by word rather than block puts each uint4 of
// Philox output on four contiguous elements, one float4.)
//
// Shapes: ELEMENTS = N batch x F features, contiguous. Index convention: work-item g handles group g,
// elements [16 g, 16 g + 16); the last group may be partial (ELEMENTS % 16 elements).

#include "rng.cl"

#ifndef ELEMENTS
#define ELEMENTS 16 // N x F values
#endif
#ifndef DROP_BELOW
#define DROP_BELOW 2147483648u // round(p * 2^32): a word below it drops its element (p = 0.5 here)
#endif
#ifndef SCALE
#define SCALE 2.0f // 1 / (1 - p), rounded to float as PyTorch does
#endif

#define GROUPS ((ELEMENTS + 15) / 16)
#define FULL_GROUPS (ELEMENTS / 16)
#define TAIL (ELEMENTS % 16)

inline float4 mask_scale(uint4 words) {
    return select((float4) (0.0f), (float4) (SCALE), words >= (uint4) (DROP_BELOW));
}

__kernel void dropout_apply(__global float *output, __global const float *input, const ulong key) {
    const int group = get_global_id(0);
    if (group >= GROUPS) return;
    uint4 words[4];
    philox_group(words, group, key);
    if (group < FULL_GROUPS) {
        for (int w = 0; w < 4; w++) {
            vstore4(vload4(4 * group + w, input) * mask_scale(words[w]), 4 * group + w, output);
        }
    } else {
        float scales[16];
        for (int w = 0; w < 4; w++) {
            vstore4(mask_scale(words[w]), w, scales);
        }
        for (int i = 0; i < TAIL; i++) {
            output[16 * group + i] = input[16 * group + i] * scales[i];
        }
    }
}
