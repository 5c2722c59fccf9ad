// Shared geometry of the pooling kernels (maxpool.cl, avgpool.cl): the shape defines, the output
// columns whose windows lie wholly inside the input width, and a strided vector load along a row.
//
// Shapes: N batch, C channels, IN_H x IN_W input planes, OUT_H x OUT_W output planes,
// OUT = (IN + 2*PADDING - KERNEL) / STRIDE + 1 (floor), square KERNEL x KERNEL windows.
// All tensors row-major (N, C, H, W). Index convention: none (macros and helpers only).

#ifndef N
#define N 1 // batch
#endif
#ifndef C
#define C 1 // channels
#endif
#ifndef IN_H
#define IN_H 4 // input height
#endif
#ifndef IN_W
#define IN_W 4 // input width
#endif
#ifndef KERNEL
#define KERNEL 2 // window side
#endif
#ifndef STRIDE
#define STRIDE 2 // step between windows
#endif
#ifndef PADDING
#define PADDING 0 // implicit border, at most KERNEL / 2
#endif

#define OUT_H ((IN_H + 2 * PADDING - KERNEL) / STRIDE + 1)
#define OUT_W ((IN_W + 2 * PADDING - KERNEL) / STRIDE + 1)

#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_(a, b)

// The output columns [INNER_FIRST, INNER_LAST] have no padding column in their windows; only they
// take the vector path, the (at most KERNEL / STRIDE + 1) others at the edges go one at a time.
#define INNER_FIRST ((PADDING + STRIDE - 1) / STRIDE)
#define INNER_LAST ((IN_W + PADDING - KERNEL) / STRIDE)
#define INNER_COLUMNS (INNER_LAST - INNER_FIRST + 1)

// PoCL does not vectorise across work-items that loop, so a work-item owns a whole output row and
// handles VEC adjacent output columns at once in explicit vector lanes: 8 where the row has room,
// else 4, else none (VEC 0: every column goes one at a time).
#if INNER_COLUMNS >= 16
#define VEC 16
#elif INNER_COLUMNS >= 8
#define VEC 8
#elif INNER_COLUMNS >= 4
#define VEC 4
#else
#define VEC 0
#endif

#if VEC > 0
#define floatV CONCAT(float, VEC)
#define intV CONCAT(int, VEC)
#define vloadV CONCAT(vload, VEC)
#define vstoreV CONCAT(vstore, VEC)

// The VEC floats row[0], row[STRIDE], ..., row[(VEC-1)*STRIDE], reading no float past the last one
// (the row may end the buffer).
inline floatV load_strided(const __global float *row) {
#if STRIDE == 1
    return vloadV(0, row);
#elif STRIDE == 2
    return (floatV)(vloadV(0, row).even, vloadV(0, row + VEC - 1).odd);
#elif VEC == 16
    return (floatV)(row[0], row[STRIDE], row[2 * STRIDE], row[3 * STRIDE],
                    row[4 * STRIDE], row[5 * STRIDE], row[6 * STRIDE], row[7 * STRIDE],
                    row[8 * STRIDE], row[9 * STRIDE], row[10 * STRIDE], row[11 * STRIDE],
                    row[12 * STRIDE], row[13 * STRIDE], row[14 * STRIDE], row[15 * STRIDE]);
#elif VEC == 8
    return (floatV)(row[0], row[STRIDE], row[2 * STRIDE], row[3 * STRIDE],
                    row[4 * STRIDE], row[5 * STRIDE], row[6 * STRIDE], row[7 * STRIDE]);
#else
    return (floatV)(row[0], row[STRIDE], row[2 * STRIDE], row[3 * STRIDE]);
#endif
}
#endif
