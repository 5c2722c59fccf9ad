// Shared geometry of the pooling kernels (maxpool.cl, avgpool.cl): the shape defines, the columns of
// a row that the vector paths handle (forward: windows wholly inside the input width; gather-form
// backward: input columns all of whose windows exist), the vector width, a strided vector load and an
// interleaving vector store along a row.
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
// min and max usable in #if (the built-in functions are not).
#define CONST_MIN(a, b) ((a) < (b) ? (a) : (b))
#define CONST_MAX(a, b) ((a) > (b) ? (a) : (b))

// Forward: the output columns [INNER_FIRST, INNER_LAST] have no padding column in their windows;
// only they take the vector path, the (at most KERNEL / STRIDE + 1) others at the edges go one at a
// time.
#define INNER_FIRST ((PADDING + STRIDE - 1) / STRIDE)
#define INNER_LAST ((IN_W + PADDING - KERNEL) / STRIDE)
#define INNER_COLUMNS (INNER_LAST - INNER_FIRST + 1)

// Gather-form backward: input column w = m * STRIDE + r - PADDING (0 <= r < STRIDE) lies in the
// windows ow = m - t, t = 0 .. (KERNEL - 1 - r) / STRIDE. For m in [GATHER_FIRST, GATHER_LAST] every
// such window exists and all STRIDE columns of m are real, so these m take the vector path.
#define GATHER_FIRST CONST_MAX((KERNEL - 1) / STRIDE, (PADDING + STRIDE - 1) / STRIDE)
#define GATHER_LAST CONST_MIN(OUT_W - 1, (IN_W - STRIDE + PADDING) / STRIDE)
#define GATHER_COLUMNS (GATHER_LAST - GATHER_FIRST + 1)

#ifndef VECTOR_COLUMNS
#define VECTOR_COLUMNS INNER_COLUMNS // the fewest columns of a row any vector path of the file handles
#endif

// PoCL does not vectorise across work-items that loop, so a work-item owns a whole row and handles
// VEC adjacent columns at once in explicit vector lanes: as many as the row has room for, down to 4,
// else none (VEC 0: every column goes one at a time).
#if VECTOR_COLUMNS >= 16
#define VEC 16
#elif VECTOR_COLUMNS >= 8
#define VEC 8
#elif VECTOR_COLUMNS >= 4
#define VEC 4
#else
#define VEC 0
#endif

#if VEC > 0
#define floatV CONCAT(float, VEC)
#define intV CONCAT(int, VEC)
#define vloadV CONCAT(vload, VEC)
#define vstoreV CONCAT(vstore, VEC)

// Stores the lanes of even and odd interleaved: row[2j] = even[j], row[2j + 1] = odd[j].
inline void store_interleaved(__global float *row, floatV even, floatV odd) {
#if VEC == 16
    const uint16 zip = (uint16) (0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15);
    vstore16(shuffle2(even.lo, odd.lo, zip), 0, row);
    vstore16(shuffle2(even.hi, odd.hi, zip), 0, row + 16);
#elif VEC == 8
    vstore16(shuffle2(even, odd, (uint16) (0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15)), 0, row);
#else
    vstore8(shuffle2(even, odd, (uint8) (0, 4, 1, 5, 2, 6, 3, 7)), 0, row);
#endif
}

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
