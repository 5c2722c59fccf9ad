// Turns a batch of stored images (uint8 bytes, or floats in [0, 1]) into the network's float input:
// bytes / 255, channels converted, resized bilinearly as PyTorch's F.interpolate(mode='bilinear',
// align_corners=False) does (half-pixel centres, source coordinates clamped at the edges; the
// identity when the sizes match), then optionally normalised per channel: (x - mean) / std.
//
// Shapes: N batch rows (the global size's third dimension is N * OUT_C); input IN_C x IN_H x IN_W
// values per image, CHW, images one after another; output (N, OUT_C, OUT_H, OUT_W) floats.
// Work-item (x, y, n * OUT_C + c) writes output pixel (n, c, y, x); rows n >= rows (past the batch's
// real end) are written as zeros, so a partial batch leaves no stale pixels behind.
//
// Channels: IN_C == OUT_C is copied; a grey image (IN_C 1) feeds every channel of an RGB network;
// an RGB image (IN_C 3) feeds a grey network as its ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B
// (what PIL's convert("L") and torchvision's Grayscale compute), taken per tap before interpolating.

#ifndef IN_C
#define IN_C 1 // stored channels
#endif
#ifndef IN_H
#define IN_H 28 // source image height
#endif
#ifndef IN_W
#define IN_W 28 // source image width
#endif
#ifndef OUT_C
#define OUT_C 1 // the network's input channels
#endif
#ifndef OUT_H
#define OUT_H 28 // the network's input height
#endif
#ifndef OUT_W
#define OUT_W 28 // the network's input width
#endif
#ifndef FLOAT_PIXELS
#define FLOAT_PIXELS 0 // 1: the stored values are floats in [0, 1] instead of bytes
#endif
#ifndef NORMALIZE
#define NORMALIZE 0 // 1: subtract NORM_MEAN's c-th value and divide by NORM_STD's (comma-separated float lists)
#endif

#if !(IN_C == OUT_C || (IN_C == 1 && OUT_C == 3) || (IN_C == 3 && OUT_C == 1))
#error "resize.cl converts between 1 and 3 channels only"
#endif

#if FLOAT_PIXELS
typedef float pixel_t;
#define SCALED(p) (p)
#else
typedef uchar pixel_t;
#define SCALED(p) ((p) / 255.0f)
#endif

// PyTorch's area_pixel_compute_source_index for align_corners=False: the centre of output pixel
// dst in input coordinates, negative values clamped to 0. Gives the lower tap and the upper tap's
// weight; the upper tap is the lower one on the last row/column.
#define SOURCE(dst, in_size, out_size, lower, upper, weight) { \
    float src = ((float)(in_size) / (float)(out_size)) * ((float)(dst) + 0.5f) - 0.5f; \
    src = fmax(src, 0.0f); \
    lower = min((int)src, (in_size) - 1); \
    upper = lower + ((lower < (in_size) - 1) ? 1 : 0); \
    weight = fmin(src - (float)lower, 1.0f); }

// The value in [0, 1] of output channel c at source pixel (y, x): scaled first, as ToTensor() then
// interpolate() would.
#if IN_C == OUT_C
#define TAP(image, c, y, x) SCALED((image)[((c) * IN_H + (y)) * IN_W + (x)])
#elif IN_C == 1
#define TAP(image, c, y, x) SCALED((image)[(y) * IN_W + (x)])
#else
#define TAP(image, c, y, x) (0.299f * SCALED((image)[(y) * IN_W + (x)]) \
    + 0.587f * SCALED((image)[(IN_H + (y)) * IN_W + (x)]) \
    + 0.114f * SCALED((image)[(2 * IN_H + (y)) * IN_W + (x)]))
#endif

#if NORMALIZE
__constant float norm_mean[OUT_C] = {NORM_MEAN};
__constant float norm_std[OUT_C] = {NORM_STD};
#endif

__kernel void to_input(__global float *out, __global const pixel_t *pixels, const int rows) {
    const int x = get_global_id(0);
    const int y = get_global_id(1);
    const int nc = get_global_id(2);
    if (x >= OUT_W || y >= OUT_H) return;
    const int n = nc / OUT_C;
    const int c = nc % OUT_C;
    __global float *target = out + ((size_t)nc * OUT_H + y) * OUT_W + x;
    if (n >= rows) {
        *target = 0.0f;
        return;
    }
    int y0, y1, x0, x1;
    float wy, wx;
    SOURCE(y, IN_H, OUT_H, y0, y1, wy);
    SOURCE(x, IN_W, OUT_W, x0, x1, wx);
    __global const pixel_t *image = pixels + (size_t)n * IN_C * IN_H * IN_W;
    const float p00 = TAP(image, c, y0, x0);
    const float p01 = TAP(image, c, y0, x1);
    const float p10 = TAP(image, c, y1, x0);
    const float p11 = TAP(image, c, y1, x1);
    float value = (1.0f - wy) * ((1.0f - wx) * p00 + wx * p01) + wy * ((1.0f - wx) * p10 + wx * p11);
#if NORMALIZE
    value = (value - norm_mean[c]) / norm_std[c];
#endif
    *target = value;
}
