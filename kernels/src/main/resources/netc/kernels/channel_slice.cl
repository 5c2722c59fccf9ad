// Copies between a tensor and a channel slice of a wider one, for torch.cat(dim=1) and its backward
// pass (ChannelConcat): `runs` runs of `run` contiguous floats, run r read from
// src[src_offset + r*src_pitch ..] and written to dst[dst_offset + r*dst_pitch ..].
// Concatenating input i of c_i channels into an output of C channels at channel offset o_i: one run
// per example, run = c_i*H*W, source pitch c_i*H*W, destination offset o_i*H*W and pitch C*H*W; the
// backward pass swaps the two sides.
//
// Shapes and offsets are arguments, so one build serves every slice. Index convention: work-item
// id = r * groups + g copies the 16 floats [16 g, 16 g + 16) of run r as one float16 (groups =
// ceil(run / 16)); a partial last group goes one float at a time; work-items past the end return.

__kernel void channel_slice_copy(__global float *dst, const int dst_offset, const int dst_pitch,
                                 __global const float *src, const int src_offset, const int src_pitch,
                                 const int run, const int runs) {
    const int groups = (run + 15) / 16;
    const int id = get_global_id(0);
    if (id >= runs * groups) return;
    const int r = id / groups;
    const int first = (id - r * groups) * 16;
    __global float *to = dst + dst_offset + r * dst_pitch + first;
    const __global float *from = src + src_offset + r * src_pitch + first;
    if (first + 16 <= run) {
        vstore16(vload16(0, from), 0, to);
    } else {
        for (int i = 0; i < run - first; i++) {
            to[i] = from[i];
        }
    }
}
