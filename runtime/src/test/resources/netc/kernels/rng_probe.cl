// Test-only probe of rng.cl: evaluates Philox-4x32-10 on given (counter, key) pairs so the runtime's
// tests can compare the device generator with Random123's known answers.
//
// Index convention: case i reads its counter (4 uints) and key (2 uints) at in[6i .. 6i+5] and writes
// the four output words to out[4i .. 4i+3].

#include "rng.cl"

__kernel void philox_probe(__global uint *out, __global const uint *in) {
    const int i = get_global_id(0);
    const uint4 counter = vload4(0, in + 6 * i);
    const uint2 key = vload2(0, in + 6 * i + 4);
    vstore4(philox4x32_10(counter, key), 0, out + 4 * i);
}
