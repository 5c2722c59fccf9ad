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

// netc_exp(x): e^x within 2 ulp for x in [-87, 88], for float and its vectors. PoCL's exp on vectors
// costs about 50 cycles per float16 (three divisions among them), which made the sigmoid as costly as
// a LeNet convolution's FMAs. Here: x = k ln2 + r with |r| <= ln2/2 (ln2 split in two, Cody and Waite,
// so k ln2 is exact enough), e^r by its Taylor polynomial of degree 7 (truncation below 1e-8 relative),
// 2^k written into the exponent bits. x is clamped first so that 2^k stays a normal float: e^x is then
// 1.3e-38 below x = -87.3 and 2.1e38 above x = 88.3.
// k, the integer nearest x * log2(e), comes from adding 1.5 * 2^23 (where floats are 1 apart, so the sum
// rounds to an integer) and subtracting it again; the sum's low bits are k itself, so shifted into the
// exponent field they give 2^k directly (the 1.5 * 2^23 shifts out). Two instructions where PoCL's rint
// costs a dozen (compares and fix-ups) for each of the sigmoid's exponentials.
#define NETC_ROUNDER 12582912.0f // 1.5 * 2^23
#define NETC_EXP(T, IT)                                                                              \
    inline T __attribute__((overloadable)) netc_exp(T x) {                                         \
        x = clamp(x, (T) (-87.3f), (T) (88.3f));                                                    \
        const T shifted = fma(x, (T) (1.44269504088896341f), (T) (NETC_ROUNDER));                   \
        const T k = shifted - (T) (NETC_ROUNDER);                                                    \
        const T r = fma(k, (T) (-1.42860676533018704e-6f), fma(k, (T) (-0.693145751953125f), x));   \
        T p = fma(r, (T) (1.0f / 5040.0f), (T) (1.0f / 720.0f));                                     \
        p = fma(p, r, (T) (1.0f / 120.0f));                                                          \
        p = fma(p, r, (T) (1.0f / 24.0f));                                                           \
        p = fma(p, r, (T) (1.0f / 6.0f));                                                            \
        p = fma(p, r, (T) (0.5f));                                                                   \
        p = fma(p, r, (T) (1.0f));                                                                   \
        p = fma(p, r, (T) (1.0f));                                                                   \
        return p * as_##T((as_##IT(shifted) + 127) << 23);                                           \
    }
NETC_EXP(float, int)
NETC_EXP(float2, int2)
NETC_EXP(float4, int4)
NETC_EXP(float8, int8)
NETC_EXP(float16, int16)

// ACTIVATE(T, z): the activation of z. ACTIVATION_SLOPE(T, y): d activate(z) / dz at the z where
// activate(z) == y. ReLU uses y > 0, as PyTorch's threshold_backward. select() takes the relational
// result as its condition for scalars (0 or 1) and vectors (0 or -1) alike.
#if ACTIVATION == ACT_RELU
#define ACTIVATE(T, z) select((T) (0.0f), (z), (z) > (T) (0.0f))
#define ACTIVATION_SLOPE(T, y) select((T) (0.0f), (T) (1.0f), (y) > (T) (0.0f))
#elif ACTIVATION == ACT_SIGMOID
// netc_exp(-z) for very negative z is about 2e38, which gives 5e-39 (the exact value or below is under
// float's normal range: nothing a float32 network can tell from 0)
#define ACTIVATE(T, z) ((T) (1.0f) / ((T) (1.0f) + netc_exp(-(z))))
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
