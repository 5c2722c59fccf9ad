// A standalone activation layer (ReLU, sigmoid or tanh between other layers, where it is not fused
// into a conv or dense layer): forward out = activate(in); backward d_in = d_out * activate'(.),
// the slope taken from the forward OUTPUT as in activation_gradient.cl. The formulas are
// activation.cl's, applied to float16 lanes.
//
// Shapes: `count` = N x (features per example) contiguous floats. Index convention: elementwise.cl.
// output may be input, d_input may be d_output (each float is read, then written, by one work-item).

#include "activation.cl"
#include "elementwise.cl"

__kernel void activation_forward(__global float *output, __global const float *input, const int count) {
    const int g = get_global_id(0);
    if (WHOLE_GROUP(g, count)) {
        const float16 z = vload16(g, input);
        vstore16(ACTIVATE(float16, z), g, output);
    } else {
        FOR_TAIL(i, g, count) {
            output[i] = activate(input[i]);
        }
    }
}

__kernel void activation_backward(__global float *d_input, __global const float *d_output,
                                  __global const float *output, const int count) {
    const int g = get_global_id(0);
    if (WHOLE_GROUP(g, count)) {
        const float16 y = vload16(g, output);
        vstore16(vload16(g, d_output) * ACTIVATION_SLOPE(float16, y), g, d_input);
    } else {
        FOR_TAIL(i, g, count) {
            d_input[i] = d_output[i] * activation_slope(output[i]);
        }
    }
}
