// Max pooling over square windows per channel, PyTorch's MaxPool2d in floor mode: padding counts as
// minus infinity, and each window remembers its arg-max, the FIRST maximum in row-major window order
// (a strict '>' as PyTorch's CPU kernel; a NaN always wins, as there).
//
// Shapes: N batch, C channels, IN_H x IN_W input planes, OUT_H x OUT_W output planes,
// OUT = (IN + 2*PADDING - KERNEL) / STRIDE + 1 (floor). All tensors row-major (N, C, H, W).
// argmax holds, per output element, the arg-max's index h * IN_W + w inside its own input plane.
// Index convention: one work-item per output element (forward) or per input element (backward),
// its global id being that element's row-major index; extra work-items of a rounded-up range return.

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
#define PADDING 0 // implicit minus-infinity border, at most KERNEL / 2
#endif

#define OUT_H ((IN_H + 2 * PADDING - KERNEL) / STRIDE + 1)
#define OUT_W ((IN_W + 2 * PADDING - KERNEL) / STRIDE + 1)
#define COVERING ((KERNEL + STRIDE - 1) / STRIDE) // most windows covering one element, per axis

__kernel void maxpool_forward(__global float *output, __global int *argmax, __global const float *input) {
    const int index = get_global_id(0);
    if (index >= N * C * OUT_H * OUT_W) return;
    const int ow = index % OUT_W;
    const int oh = (index / OUT_W) % OUT_H;
    const __global float *plane = input + (index / (OUT_H * OUT_W)) * (IN_H * IN_W);
    const int top = oh * STRIDE - PADDING;
    const int left = ow * STRIDE - PADDING;
    // Padding is skipped rather than read as -inf; starting from the first real element keeps the
    // arg-max valid even when every value is -inf (PyTorch starts there too).
    float best = -INFINITY;
    int best_at = max(top, 0) * IN_W + max(left, 0);
    // Fixed trip counts (compile-time KERNEL) so the compiler can unroll and vectorise.
    for (int kh = 0; kh < KERNEL; kh++) {
        const int h = top + kh;
        for (int kw = 0; kw < KERNEL; kw++) {
            const int w = left + kw;
            if (h >= 0 && h < IN_H && w >= 0 && w < IN_W) {
                const float value = plane[h * IN_W + w];
                if (value > best || isnan(value)) {
                    best = value;
                    best_at = h * IN_W + w;
                }
            }
        }
    }
    output[index] = best;
    argmax[index] = best_at;
}

// Gather form of the backward pass (no atomics): each input element sums the output gradients of the
// windows that cover it and chose it, in row-major window order (the order PyTorch's CPU loop adds
// them), and overwrites its gradient.
__kernel void maxpool_backward(__global float *d_input, __global const float *d_output,
                               __global const int *argmax) {
    const int index = get_global_id(0);
    if (index >= N * C * IN_H * IN_W) return;
    const int w = index % IN_W;
    const int h = (index / IN_W) % IN_H;
    const int plane = index / (IN_H * IN_W);
    // Window oh covers rows [oh*STRIDE - PADDING, oh*STRIDE - PADDING + KERNEL).
    const int oh_first = h + PADDING < KERNEL ? 0 : (h + PADDING - KERNEL) / STRIDE + 1;
    const int oh_last = min((h + PADDING) / STRIDE, OUT_H - 1);
    const int ow_first = w + PADDING < KERNEL ? 0 : (w + PADDING - KERNEL) / STRIDE + 1;
    const int ow_last = min((w + PADDING) / STRIDE, OUT_W - 1);
    const int self = h * IN_W + w;
    const int out_plane = plane * (OUT_H * OUT_W);
    float sum = 0.0f;
    // Fixed trip counts (at most COVERING windows per axis) so the compiler can unroll and vectorise.
    for (int i = 0; i < COVERING; i++) {
        const int oh = oh_first + i;
        for (int j = 0; j < COVERING; j++) {
            const int ow = ow_first + j;
            if (oh <= oh_last && ow <= ow_last) {
                const int o = out_plane + oh * OUT_W + ow;
                if (argmax[o] == self) {
                    sum += d_output[o];
                }
            }
        }
    }
    d_input[index] = sum;
}
