// Sums of tensors: a residual join, out = a + b, and gradient accumulation where a tensor feeds
// several layers, target += addend (its gradient is the sum of theirs).
//
// Shapes: `count` contiguous floats of each tensor. Index convention: elementwise.cl. out may be a or
// b, and addend may be target (each float is read, then written, by one work-item).

#include "elementwise.cl"

__kernel void tensor_add(__global float *out, __global const float *a, __global const float *b, const int count) {
    const int g = get_global_id(0);
    if (WHOLE_GROUP(g, count)) {
        vstore16(vload16(g, a) + vload16(g, b), g, out);
    } else {
        FOR_TAIL(i, g, count) {
            out[i] = a[i] + b[i];
        }
    }
}

__kernel void tensor_accumulate(__global float *target, __global const float *addend, const int count) {
    const int g = get_global_id(0);
    if (WHOLE_GROUP(g, count)) {
        vstore16(vload16(g, target) + vload16(g, addend), g, target);
    } else {
        FOR_TAIL(i, g, count) {
            target[i] += addend[i];
        }
    }
}
