// Counter-based random numbers: Philox-4x32-10 (Salmon, Moraes, Dror, Shaw, "Parallel random numbers:
// as easy as 1, 2, 3", SC 2011), the generator of Random123, cuRAND and PyTorch's CUDA dropout.
// A (counter, key) pair maps to four independent uniform 32-bit words with no state, so any
// work-item can draw the numbers of any element directly and a replay with the same key draws the
// same numbers. Checked against Random123's known-answer vectors by the runtime's tests.
//
// Index convention: none of its own; callers choose the counters (dropout: one block per 4 values).

#ifndef NETC_RNG_CL
#define NETC_RNG_CL

#define PHILOX_M0 0xD2511F53u // round multipliers, from the paper
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u // key schedule increments (golden ratio, sqrt(3) - 1)
#define PHILOX_W1 0xBB67AE85u

// Four blocks at once, word-sliced: lane b of counters[w] is word w of block b, in and out. The same
// numbers as four scalar Philox calls, written on uint4 lanes so that CPU drivers, which do not
// vectorise across work-items here, still compute the four blocks in SIMD lanes. Ten rounds: the
// count the paper found to pass BigCrush with a safety margin (7 already pass).
inline void philox4x32_10_x4(uint4 counters[4], uint2 key) {
    uint4 c0 = counters[0], c1 = counters[1], c2 = counters[2], c3 = counters[3];
    for (int round = 0; round < 10; round++) {
        const uint4 hi0 = mul_hi((uint4) (PHILOX_M0), c0);
        const uint4 lo0 = (uint4) (PHILOX_M0) * c0;
        const uint4 hi1 = mul_hi((uint4) (PHILOX_M1), c2);
        const uint4 lo1 = (uint4) (PHILOX_M1) * c2;
        c0 = hi1 ^ c1 ^ (uint4) (key.x);
        c1 = lo1;
        c2 = hi0 ^ c3 ^ (uint4) (key.y);
        c3 = lo0;
        key += (uint2) (PHILOX_W0, PHILOX_W1);
    }
    counters[0] = c0;
    counters[1] = c1;
    counters[2] = c2;
    counters[3] = c3;
}

// The 16 words of group `group` under a 64-bit key: words[w] lane b is word w of block 4 * group + b,
// whose counter is (block, 0, 0, 0) and key (low, high) half of `key`.
inline void philox_group(uint4 words[4], uint group, ulong key) {
    words[0] = (uint4) (4u * group) + (uint4) (0u, 1u, 2u, 3u);
    words[1] = words[2] = words[3] = (uint4) (0u);
    philox4x32_10_x4(words, (uint2) ((uint) key, (uint) (key >> 32)));
}

#endif
