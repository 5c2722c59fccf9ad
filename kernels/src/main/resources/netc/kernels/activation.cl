// The activations (netc.Activation) and their slopes, the only place their formulas are written:
// every kernel that applies or differentiates an activation includes this file. Slopes are written in
// terms of the activation's OUTPUT y, so the backward pass needs only the forward output, not the
// pre-activation.
//
// Index convention: none (scalar helpers). ACTIVATION names one of the ACT_* codes below, ACT_ + the
// enum constant's name (the host's ActivationDefine), e.g. -D ACTIVATION=ACT_RELU.

// Codes start at 1: an unknown name such as ACT_RELU6 reads as 0 in #if and trips the check below.
#define ACT_NONE 1
#define ACT_RELU 2
#define ACT_SIGMOID 3
#define ACT_TANH 4

#ifndef ACTIVATION
#define ACTIVATION ACT_NONE // the identity, so the file builds alone
#endif
#if ACTIVATION < ACT_NONE || ACTIVATION > ACT_TANH
#error "ACTIVATION must be one of ACT_NONE, ACT_RELU, ACT_SIGMOID, ACT_TANH; a new netc.Activation needs its formula and slope here"
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
