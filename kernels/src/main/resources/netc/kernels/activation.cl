// Activations fused into the conv and dense layers, and their slopes written in terms of the
// activation's OUTPUT y, so the backward pass needs only the forward output, not the pre-activation.
//
// Index convention: none (scalar helpers, included by the kernels that apply or differentiate an
// activation). ACTIVATION names one of the ACT_* codes below, e.g. -D ACTIVATION=ACT_RELU.

#define ACT_NONE 0
#define ACT_RELU 1
#define ACT_SIGMOID 2
#define ACT_TANH 3

#ifndef ACTIVATION
#define ACTIVATION ACT_NONE // the identity, so the file builds alone
#endif

inline float activate(const float z) {
#if ACTIVATION == ACT_RELU
    return z > 0.0f ? z : 0.0f;
#elif ACTIVATION == ACT_SIGMOID
    return 1.0f / (1.0f + exp(-z)); // exp(-z) = inf for very negative z gives 0, as wanted
#elif ACTIVATION == ACT_TANH
    return tanh(z);
#else
    return z;
#endif
}

// d activate(z) / dz at the z where activate(z) == y. ReLU uses y > 0, as PyTorch's threshold_backward.
inline float activation_slope(const float y) {
#if ACTIVATION == ACT_RELU
    return y > 0.0f ? 1.0f : 0.0f;
#elif ACTIVATION == ACT_SIGMOID
    return y * (1.0f - y);
#elif ACTIVATION == ACT_TANH
    return 1.0f - y * y;
#else
    return 1.0f;
#endif
}
