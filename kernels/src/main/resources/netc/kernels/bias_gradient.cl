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
#if DZ_BATCH_STRIDE == P
    // The channel's B*P values are contiguous: sum them four at a time (PoCL does not vectorise a
    // loop across work-items, and float sums are not reassociated for us).
    float4 sum4 = (float4) (0.0f);
    for (int v = lid; v < B * P / 4; v += LOCAL_SIZE) {
        sum4 += vload4(v, row);
    }
    float sum = (sum4.x + sum4.y) + (sum4.z + sum4.w);
    for (int j = B * P / 4 * 4 + lid; j < B * P; j += LOCAL_SIZE) {
        sum += row[j];
    }
#else
    float sum = 0.0f;
    for (int j = lid; j < B * P; j += LOCAL_SIZE) {
        const int b = j / P;
        sum += row[b * DZ_BATCH_STRIDE + (j - b * P)];
    }
#endif
    partial[lid] = sum;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int width = LOCAL_SIZE / 2; width > 0; width >>= 1) { // ("half" is a type in OpenCL C)
        if (lid < width) partial[lid] += partial[lid + width];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) d_bias[co] = (accumulate ? d_bias[co] : 0.0f) + partial[0];
}
