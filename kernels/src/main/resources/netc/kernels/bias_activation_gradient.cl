// The first backward step of a dense layer in one pass: the gradient with respect to the
// pre-activation, dz = d_out * activate'(out) (the slope taken from the forward OUTPUT), written in
// place of d_out, and the bias gradient d_bias[o] = sum over the batch of dz[n][o]. Done as two passes
// (activation_gradient.cl, bias_gradient.cl) the second read the batch's rows one strided value per
// work-item with a local-memory tree per output: ~2-4 ms for AlexNet's 4096 outputs at batch 64 on
// PoCL (Zen 4), for 1 MiB of data.
//
// Shapes: BATCH rows, OUT outputs; d_out and out [BATCH][OUT], row-major and contiguous.
// Index convention: work-item t owns outputs o0 = t*VW .. o0+VW (the last one may own fewer, OUT - o0)
// and walks down the batch, so each row's part is one VW-wide vector and the sum runs over n in order
// (deterministic). Nothing is shared between work-items: each writes only its own outputs of dz.

#include "activation.cl"

#ifndef BATCH
#define BATCH 1
#endif
#ifndef OUT
#define OUT 1
#endif
#ifndef VW
#define VW 16 // outputs per work-item: 1, 2, 4, 8 or 16
#endif
#ifndef WRITE_DZ
#define WRITE_DZ 1 // 0 without an activation: dz is d_out itself, only the bias gradient is computed
#endif

#define CAT(a, b) a##b
#define XCAT(a, b) CAT(a, b)
#if VW == 1
typedef float floatv;
#define VLOAD(o, p) ((p)[o])
#define VSTORE(v, o, p) ((p)[o] = (v))
#else
typedef XCAT(float, VW) floatv;
#define VLOAD(o, p) XCAT(vload, VW)(0, (p) + (o))
#define VSTORE(v, o, p) XCAT(vstore, VW)((v), 0, (p) + (o))
#endif

// global ceil(OUT / VW)
__kernel void bias_activation_gradient(__global float *d_bias, __global float *d_out, __global const float *out) {
    const int o0 = get_global_id(0) * VW;
    if (o0 >= OUT) return;
    if (o0 + VW <= OUT) {
        floatv sum = (floatv) (0.0f);
        for (int n = 0; n < BATCH; n++) {
            const int i = n * OUT + o0;
            const floatv dz = VLOAD(i, d_out) * ACTIVATION_SLOPE(floatv, VLOAD(i, out));
#if WRITE_DZ
            VSTORE(dz, i, d_out);
#endif
            sum += dz;
        }
        VSTORE(sum, o0, d_bias);
        return;
    }
    // The last work-item when VW does not divide OUT: the remaining outputs one at a time.
    for (int o = o0; o < OUT; o++) {
        float sum = 0.0f;
        for (int n = 0; n < BATCH; n++) {
            const int i = n * OUT + o;
            const float dz = d_out[i] * activation_slope(out[i]);
#if WRITE_DZ
            d_out[i] = dz;
#endif
            sum += dz;
        }
        d_bias[o] = sum;
    }
}
