// The activations (netc.Activation) and their slopes, the only place their formulas are written:
// every kernel that applies or differentiates an activation includes this file (the fused conv and
// dense epilogues, activation_layer.cl). Slopes are written in terms of the activation's OUTPUT y,
// so the backward pass needs only the forward output, not the pre-activation.
//
// Index convention: none (helpers). ACTIVATION names one of the ACT_* codes below, ACT_ + the enum
// constant's name (the host's ActivationDefine), e.g. -D ACTIVATION=ACT_RELU. Each formula is written
// once, as a macro over a float type T (float, float4, float16 ...): the scalar functions below
// instantiate it for float, vector kernels for their vector type.

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

// ACTIVATE(T, z): the activation of z. ACTIVATION_SLOPE(T, y): d activate(z) / dz at the z where
// activate(z) == y. ReLU uses y > 0, as PyTorch's threshold_backward. select() takes the relational
// result as its condition for scalars (0 or 1) and vectors (0 or -1) alike.
#if ACTIVATION == ACT_RELU
#define ACTIVATE(T, z) select((T) (0.0f), (z), (z) > (T) (0.0f))
#define ACTIVATION_SLOPE(T, y) select((T) (0.0f), (T) (1.0f), (y) > (T) (0.0f))
#elif ACTIVATION == ACT_SIGMOID
// exp(-z) = inf for very negative z gives 0, as wanted
#define ACTIVATE(T, z) ((T) (1.0f) / ((T) (1.0f) + exp(-(z))))
#define ACTIVATION_SLOPE(T, y) ((y) * ((T) (1.0f) - (y)))
#elif ACTIVATION == ACT_TANH
#define ACTIVATE(T, z) tanh(z)
#define ACTIVATION_SLOPE(T, y) ((T) (1.0f) - (y) * (y))
#else
#define ACTIVATE(T, z) (z)
#define ACTIVATION_SLOPE(T, y) ((T) (1.0f))
#endif

inline float activate(const float z) {
    return ACTIVATE(float, z);
}

inline float activation_slope(const float y) {
    return ACTIVATION_SLOPE(float, y);
}
