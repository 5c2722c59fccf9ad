// The last step of a direct convolution's weight gradient (conv_direct.cl, conv_strided.cl): the weight-
// gradient kernel leaves PARTS partial sums, each PARTIAL floats, one vector of PARTIAL_LANES output channels
// per tap (tap t of channel o at t * PARTIAL_LANES + o) and the bias's after the TAPS taps; this adds them up
// in a fixed order, so the result does not depend on scheduling.
// Knobs (from the including file): CO, TAPS (= CI * K * K), PARTS, PARTIAL, PARTIAL_LANES.

// global CO * TAPS + CO: dw[o][i][kh][kw] (the layer's layout), then db[o], each the sum of its parts.
__kernel void conv_weight_gradient_sum(__global float *dw, __global float *db, __global const float *partial) {
    const int j = get_global_id(0);
    const bool weight = j < CO * TAPS;
    const int o = weight ? j / TAPS : j - CO * TAPS;
    const int at = (weight ? j % TAPS : TAPS) * PARTIAL_LANES + o;
    float sum = 0.0f;
    for (int part = 0; part < PARTS; part++) sum += partial[(long) part * PARTIAL + at];
    if (weight) {
        dw[j] = sum;
    } else {
        db[o] = sum;
    }
}
