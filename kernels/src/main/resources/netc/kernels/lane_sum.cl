// lane_sum: the sum of a vector's lanes, halving the width each step. Include it after defining the
// vector type floatv and LANES, its width (4, 8 or 16).

inline float lane_sum(const floatv v) {
#if LANES == 16
    const float8 eighths = v.lo + v.hi;
    const float4 quarter = eighths.lo + eighths.hi;
#elif LANES == 8
    const float4 quarter = v.lo + v.hi;
#else
    const float4 quarter = v;
#endif
    const float2 pair = quarter.lo + quarter.hi;
    return pair.x + pair.y;
}
