// Shared by the elementwise kernels over `count` contiguous floats (activation_layer.cl,
// tensor_sum.cl): a work-item owns one group of GROUP_FLOATS floats, handled as one float16 (PoCL
// does not vectorise across work-items whose kernel loops, so the lanes are explicit). The last group
// may be partial; it goes one float at a time. `count` is a kernel argument, so one build serves
// every layer size.
//
// Index convention: work-item g owns floats [16 g, 16 g + 16); work-items past the end do nothing.

#define GROUP_FLOATS 16

// Whether work-item g's group is whole (then it uses vload16/vstore16 at index g).
#define WHOLE_GROUP(g, count) (GROUP_FLOATS * (g) + GROUP_FLOATS <= (count))

// The floats of a partial last group, [16 g, count); empty past the end.
#define FOR_TAIL(i, g, count) for (int i = GROUP_FLOATS * (g); i < (count); i++)
