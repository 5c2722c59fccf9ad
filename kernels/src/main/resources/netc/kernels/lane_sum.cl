// fold4: a vector's lanes folded onto 4 (lane j holds the sum of lanes j, j + 4, ...), halving the width each
// step; lane_sum: the sum of all its lanes, folding on to 1 the same way, so both sum in one fixed order.
// Include it after defining the vector type floatv and LANES, its width (4, 8 or 16).

inline float4 fold4(const floatv v) {
#if LANES == 16
    const float8 eighths = v.lo + v.hi;
    return eighths.lo + eighths.hi;
#elif LANES == 8
    return v.lo + v.hi;
#else
    return v;
#endif
}

inline float lane_sum(const floatv v) {
    const float4 quarter = fold4(v);
    const float2 pair = quarter.lo + quarter.hi;
    return pair.x + pair.y;
}
