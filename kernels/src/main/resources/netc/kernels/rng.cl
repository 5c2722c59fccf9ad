// Counter-based random numbers: Philox-4x32-10 (Salmon, Moraes, Dror, Shaw, "Parallel random numbers:
// as easy as 1, 2, 3", SC 2011), the generator of Random123, cuRAND and PyTorch's CUDA dropout.
// A (counter, key) pair maps to four independent uniform 32-bit words with no state, so any
// work-item can draw the numbers of any element directly and a replay with the same key draws the
// same numbers. Checked against Random123's known-answer vectors by the runtime's tests.
//
// Index convention: none of its own; callers choose the counter (e.g. element index / 4).

#ifndef NETC_RNG_CL
#define NETC_RNG_CL

#define PHILOX_M0 0xD2511F53u // round multipliers, from the paper
#define PHILOX_M1 0xCD9E8D57u
#define PHILOX_W0 0x9E3779B9u // key schedule increments (golden ratio, sqrt(3) - 1)
#define PHILOX_W1 0xBB67AE85u

// Ten rounds: the count the paper found to pass BigCrush with a safety margin (7 already pass).
inline uint4 philox4x32_10(uint4 counter, uint2 key) {
    for (int round = 0; round < 10; round++) {
        const uint hi0 = mul_hi(PHILOX_M0, counter.x);
        const uint lo0 = PHILOX_M0 * counter.x;
        const uint hi1 = mul_hi(PHILOX_M1, counter.z);
        const uint lo1 = PHILOX_M1 * counter.z;
        counter = (uint4) (hi1 ^ counter.y ^ key.x, lo1, hi0 ^ counter.w ^ key.y, lo0);
        key += (uint2) (PHILOX_W0, PHILOX_W1);
    }
    return counter;
}

// The four words of block `block` (elements 4*block .. 4*block+3) under a 64-bit key.
inline uint4 philox_block(uint block, ulong key) {
    return philox4x32_10((uint4) (block, 0u, 0u, 0u), (uint2) ((uint) key, (uint) (key >> 32)));
}

#endif
