// Shared by the batch norm kernels (batchnorm_statistics.cl, batchnorm_normalize.cl,
// batchnorm_gradient.cl): the shape defines, the lane count of their elementwise passes, and the
// sums over one plane that their reductions start from.
//
// Shapes: N batch (examples allocated; a kernel argument `rows` <= N says how many are real),
// C channels, SPATIAL values per (example, channel) plane (H*W for (N, C, H, W) input, 1 for (N, F)).
// Tensors row-major (N, C, SPATIAL): plane p = n*C + c is the SPATIAL contiguous floats from p*SPATIAL.
// Per-plane partial results are stored channel-major, [2][C][N]: partial[c*N + n] and
// partial[N*C + c*N + n], so each channel's are contiguous for the combining pass.
// Index convention: none (macros and helpers only).

#ifndef N
#define N 1 // batch
#endif
#ifndef C
#define C 1 // channels
#endif
#ifndef SPATIAL
#define SPATIAL 2 // values per plane
#endif

// Elementwise passes: a work-item owns VEC adjacent floats of one plane, so no vector straddles two
// channels and a work-item reads one set of per-channel coefficients. With VEC 1 the kernel has no
// loop, so PoCL vectorises across work-items instead.
#ifndef VEC
#define VEC 1 // a power of two <= 16 dividing SPATIAL; the host passes the largest (PlaneLanes)
#endif
#if SPATIAL % VEC != 0
#error "VEC must divide SPATIAL"
#endif

#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_(a, b)
#if VEC == 1
#define floatV float
#define vloadV(i, p) ((p)[i])
#define vstoreV(v, i, p) ((p)[i] = (v))
#else
#define floatV CONCAT(float, VEC)
#define vloadV CONCAT(vload, VEC)
#define vstoreV CONCAT(vstore, VEC)
#endif

// Elementwise work-items over the whole (N, C, SPATIAL) tensor, and the channel of work-item g.
#define VECTORS (N * C * (SPATIAL / VEC))
#define CHANNEL_OF(g) (((g) / (SPATIAL / VEC)) % C)
#define EXAMPLE_OF(g) ((g) / (C * (SPATIAL / VEC)))

// The reductions: a work-item sums one plane in eight float lanes (PoCL does not vectorise a loop
// across work-items), then adds the lanes pairwise and the SPATIAL % 8 leftover values.
inline float lane_total(const float8 lanes) {
    return ((lanes.s0 + lanes.s1) + (lanes.s2 + lanes.s3)) + ((lanes.s4 + lanes.s5) + (lanes.s6 + lanes.s7));
}

// The sum of a plane's values.
inline float plane_sum(const __global float *plane) {
    float8 lanes = (float8) (0.0f);
    for (int j = 0; j < SPATIAL / 8; j++) {
        lanes += vload8(j, plane);
    }
    float sum = lane_total(lanes);
    for (int j = SPATIAL / 8 * 8; j < SPATIAL; j++) {
        sum += plane[j];
    }
    return sum;
}

// The sum of (x - center)^2 over a plane.
inline float plane_squared_deviation(const __global float *plane, const float center) {
    float8 lanes = (float8) (0.0f);
    for (int j = 0; j < SPATIAL / 8; j++) {
        const float8 d = vload8(j, plane) - center;
        lanes += d * d;
    }
    float sum = lane_total(lanes);
    for (int j = SPATIAL / 8 * 8; j < SPATIAL; j++) {
        const float d = plane[j] - center;
        sum += d * d;
    }
    return sum;
}
