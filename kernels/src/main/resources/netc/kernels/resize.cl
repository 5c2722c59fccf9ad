// Turns a batch of grey uint8 images into the network's float input: each pixel / 255, resized
// bilinearly as PyTorch's F.interpolate(mode='bilinear', align_corners=False) does (half-pixel
// centres, source coordinates clamped at the edges; the identity when the sizes match).
//
// Shapes: N batch rows (the global size's third dimension), one channel; input IN_H x IN_W bytes per
// image, row-major, images one after another; output (N, 1, OUT_H, OUT_W) floats, row-major.
// Work-item (x, y, n) writes output pixel (n, 0, y, x); rows n >= rows (past the batch's real end)
// are written as zeros, so a partial batch leaves no stale pixels behind.

#ifndef IN_H
#define IN_H 28 // source image height
#endif
#ifndef IN_W
#define IN_W 28 // source image width
#endif
#ifndef OUT_H
#define OUT_H 28 // the network's input height
#endif
#ifndef OUT_W
#define OUT_W 28 // the network's input width
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

__kernel void bytes_to_input(__global float *out, __global const uchar *pixels, const int rows) {
    const int x = get_global_id(0);
    const int y = get_global_id(1);
    const int n = get_global_id(2);
    if (x >= OUT_W || y >= OUT_H) return;
    __global float *target = out + ((size_t)n * OUT_H + y) * OUT_W + x;
    if (n >= rows) {
        *target = 0.0f;
        return;
    }
    int y0, y1, x0, x1;
    float wy, wx;
    SOURCE(y, IN_H, OUT_H, y0, y1, wy);
    SOURCE(x, IN_W, OUT_W, x0, x1, wx);
    __global const uchar *image = pixels + (size_t)n * IN_H * IN_W;
    // Scale each tap first, as ToTensor() then interpolate() would.
    const float p00 = image[y0 * IN_W + x0] / 255.0f;
    const float p01 = image[y0 * IN_W + x1] / 255.0f;
    const float p10 = image[y1 * IN_W + x0] / 255.0f;
    const float p11 = image[y1 * IN_W + x1] / 255.0f;
    *target = (1.0f - wy) * ((1.0f - wx) * p00 + wx * p01) + wy * ((1.0f - wx) * p10 + wx * p11);
}
