// Bias gradient of a conv or dense layer: d_bias[co] = sum over images b and positions p of dz,
// optionally added to what d_bias holds (so a batch processed in chunks sums over all of them).
//
// Shapes: B images (of this chunk), CO channels, P positions per channel (Ho*Wo; 1 for dense).
// Index convention: element (b, co, p) of dz sits at dz[dz_offset + co*DZ_CHANNEL_STRIDE +
// b*DZ_BATCH_STRIDE + p]. One work-group of LOCAL_SIZE work-items per channel: each work-item sums a
// strided share, then a tree reduction in local memory (no atomics, deterministic order).

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
#define DZ_CHANNEL_STRIDE (B * P) // default: channel-major [CO][B][P]
#endif
#ifndef DZ_BATCH_STRIDE
#define DZ_BATCH_STRIDE P
#endif
#ifndef LOCAL_SIZE
#define LOCAL_SIZE 64 // a power of two; the tree reduction halves it
#endif

__kernel __attribute__((reqd_work_group_size(LOCAL_SIZE, 1, 1)))
void bias_gradient(__global float *d_bias, __global const float *dz, const long dz_offset, const int accumulate) {
    __local float partial[LOCAL_SIZE];
    const int co = get_group_id(0);
    const int lid = get_local_id(0);
    __global const float *row = dz + dz_offset + co * DZ_CHANNEL_STRIDE;
    float sum = 0.0f;
    for (int j = lid; j < B * P; j += LOCAL_SIZE) {
        const int b = j / P;
        sum += row[b * DZ_BATCH_STRIDE + (j - b * P)];
    }
    partial[lid] = sum;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int width = LOCAL_SIZE / 2; width > 0; width >>= 1) { // ("half" is a type in OpenCL C)
        if (lid < width) partial[lid] += partial[lid + width];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) d_bias[co] = (accumulate ? d_bias[co] : 0.0f) + partial[0];
}
