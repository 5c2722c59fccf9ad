// Test-only probe of rng.cl: evaluates Philox-4x32-10 on given (counter, key) pairs so the runtime's
// tests can compare the device generator with Random123's known answers.
//
// Index convention: case i reads its counter (4 uints) and key (2 uints) at in[6i .. 6i+5], runs it in
// all four lanes of philox4x32_10_x4, and writes word w of lane b to out[16i + 4b + w].

#include "rng.cl"

__kernel void philox_probe(__global uint *out, __global const uint *in) {
    const int i = get_global_id(0);
    uint4 counters[4];
    for (int w = 0; w < 4; w++) {
        counters[w] = (uint4) (in[6 * i + w]);
    }
    philox4x32_10_x4(counters, vload2(0, in + 6 * i + 4));
    uint words[16]; // words[4w + b]: OpenCL C 1.2 has no run-time indexing of vector lanes
    for (int w = 0; w < 4; w++) {
        vstore4(counters[w], w, words);
    }
    for (int b = 0; b < 4; b++) {
        for (int w = 0; w < 4; w++) {
            out[16 * i + 4 * b + w] = words[4 * w + b];
        }
    }
}
