// One SGD step, PyTorch's torch.optim.SGD rule with dampening 0:
//   g = grad + weight_decay * p;  v = momentum * v + g;  p -= learning_rate * v            (sgd_momentum)
//   g = grad + weight_decay * p;  v = momentum * v + g;  p -= learning_rate * (g + momentum * v)
//                                                                  (sgd_nesterov, PyTorch's nesterov=True)
// or, without momentum (sgd_plain, no velocity traffic), p -= learning_rate * g.
//
// Shapes: `count` floats of one parameter, its velocity and its gradient, contiguous.
// Index convention: work-item i updates the float4 vectors [i * VECTORS_PER_ITEM,
// (i + 1) * VECTORS_PER_ITEM); a last partial vector (count % 4 floats) is done element by element by
// the work-item that owns it. Hyper-parameters are arguments, not defines, so a learning-rate
// schedule does not rebuild the program.
// The *_group kernels update up to 16 tensors in one launch (a small network's launches cost more
// than its update): tensor k has COUNTk floats (0 for an unused slot, whose buffers are never
// touched) and owns the work-items after tensor k-1's, each tensor's split as above.

#ifndef VECTORS_PER_ITEM
#define VECTORS_PER_ITEM 4 // 16 contiguous floats per work-item: amortises the launch on CPUs
#endif

inline void sgd_momentum_items(__global float *param, __global float *velocity, __global const float *grad,
                               const int first, const float learning_rate, const float momentum,
                               const float weight_decay, const int count) {
    for (int v = first; v < first + VECTORS_PER_ITEM; v++) {
        if (4 * v + 4 <= count) {
            const float4 p = vload4(v, param);
            const float4 g = vload4(v, grad) + weight_decay * p;
            const float4 step = momentum * vload4(v, velocity) + g;
            vstore4(step, v, velocity);
            vstore4(p - learning_rate * step, v, param);
        } else {
            for (int i = 4 * v; i < count; i++) {
                const float g = grad[i] + weight_decay * param[i];
                const float step = momentum * velocity[i] + g;
                velocity[i] = step;
                param[i] -= learning_rate * step;
            }
            return;
        }
    }
}

inline void sgd_nesterov_items(__global float *param, __global float *velocity, __global const float *grad,
                               const int first, const float learning_rate, const float momentum,
                               const float weight_decay, const int count) {
    for (int v = first; v < first + VECTORS_PER_ITEM; v++) {
        if (4 * v + 4 <= count) {
            const float4 p = vload4(v, param);
            const float4 g = vload4(v, grad) + weight_decay * p;
            const float4 buf = momentum * vload4(v, velocity) + g;
            vstore4(buf, v, velocity);
            vstore4(p - learning_rate * (g + momentum * buf), v, param);
        } else {
            for (int i = 4 * v; i < count; i++) {
                const float g = grad[i] + weight_decay * param[i];
                const float buf = momentum * velocity[i] + g;
                velocity[i] = buf;
                param[i] -= learning_rate * (g + momentum * buf);
            }
            return;
        }
    }
}

inline void sgd_plain_items(__global float *param, __global const float *grad, const int first,
                            const float learning_rate, const float weight_decay, const int count) {
    for (int v = first; v < first + VECTORS_PER_ITEM; v++) {
        if (4 * v + 4 <= count) {
            const float4 p = vload4(v, param);
            vstore4(p - learning_rate * (vload4(v, grad) + weight_decay * p), v, param);
        } else {
            for (int i = 4 * v; i < count; i++) {
                param[i] -= learning_rate * (grad[i] + weight_decay * param[i]);
            }
            return;
        }
    }
}

__kernel void sgd_momentum(__global float *param, __global float *velocity, __global const float *grad,
                           const float learning_rate, const float momentum, const float weight_decay,
                           const int count) {
    sgd_momentum_items(param, velocity, grad, get_global_id(0) * VECTORS_PER_ITEM, learning_rate, momentum,
                       weight_decay, count);
}

__kernel void sgd_nesterov(__global float *param, __global float *velocity, __global const float *grad,
                           const float learning_rate, const float momentum, const float weight_decay,
                           const int count) {
    sgd_nesterov_items(param, velocity, grad, get_global_id(0) * VECTORS_PER_ITEM, learning_rate, momentum,
                       weight_decay, count);
}

__kernel void sgd_plain(__global float *param, __global const float *grad, const float learning_rate,
                        const float weight_decay, const int count) {
    sgd_plain_items(param, grad, get_global_id(0) * VECTORS_PER_ITEM, learning_rate, weight_decay, count);
}

#ifndef COUNT0
#define COUNT0 0
#endif
#ifndef COUNT1
#define COUNT1 0
#endif
#ifndef COUNT2
#define COUNT2 0
#endif
#ifndef COUNT3
#define COUNT3 0
#endif
#ifndef COUNT4
#define COUNT4 0
#endif
#ifndef COUNT5
#define COUNT5 0
#endif
#ifndef COUNT6
#define COUNT6 0
#endif
#ifndef COUNT7
#define COUNT7 0
#endif
#ifndef COUNT8
#define COUNT8 0
#endif
#ifndef COUNT9
#define COUNT9 0
#endif
#ifndef COUNT10
#define COUNT10 0
#endif
#ifndef COUNT11
#define COUNT11 0
#endif
#ifndef COUNT12
#define COUNT12 0
#endif
#ifndef COUNT13
#define COUNT13 0
#endif
#ifndef COUNT14
#define COUNT14 0
#endif
#ifndef COUNT15
#define COUNT15 0
#endif
#define ITEMS(count) ((((count) + 3) / 4 + VECTORS_PER_ITEM - 1) / VECTORS_PER_ITEM)
#define END0 ITEMS(COUNT0)
#define END1 (END0 + ITEMS(COUNT1))
#define END2 (END1 + ITEMS(COUNT2))
#define END3 (END2 + ITEMS(COUNT3))
#define END4 (END3 + ITEMS(COUNT4))
#define END5 (END4 + ITEMS(COUNT5))
#define END6 (END5 + ITEMS(COUNT6))
#define END7 (END6 + ITEMS(COUNT7))
#define END8 (END7 + ITEMS(COUNT8))
#define END9 (END8 + ITEMS(COUNT9))
#define END10 (END9 + ITEMS(COUNT10))
#define END11 (END10 + ITEMS(COUNT11))
#define END12 (END11 + ITEMS(COUNT12))
#define END13 (END12 + ITEMS(COUNT13))
#define END14 (END13 + ITEMS(COUNT14))
#define END15 (END14 + ITEMS(COUNT15))

// Calls UPDATE(k, first) for the tensor k that owns this work-item, `first` its first float4 vector there.
#define DISPATCH(UPDATE)                                                             \
    const int item = get_global_id(0);                                               \
    if (item < END0) { UPDATE(0, item * VECTORS_PER_ITEM); }                         \
    else if (item < END1) { UPDATE(1, (item - END0) * VECTORS_PER_ITEM); }           \
    else if (item < END2) { UPDATE(2, (item - END1) * VECTORS_PER_ITEM); }           \
    else if (item < END3) { UPDATE(3, (item - END2) * VECTORS_PER_ITEM); }           \
    else if (item < END4) { UPDATE(4, (item - END3) * VECTORS_PER_ITEM); }           \
    else if (item < END5) { UPDATE(5, (item - END4) * VECTORS_PER_ITEM); }           \
    else if (item < END6) { UPDATE(6, (item - END5) * VECTORS_PER_ITEM); }           \
    else if (item < END7) { UPDATE(7, (item - END6) * VECTORS_PER_ITEM); }           \
    else if (item < END8) { UPDATE(8, (item - END7) * VECTORS_PER_ITEM); }           \
    else if (item < END9) { UPDATE(9, (item - END8) * VECTORS_PER_ITEM); }           \
    else if (item < END10) { UPDATE(10, (item - END9) * VECTORS_PER_ITEM); }         \
    else if (item < END11) { UPDATE(11, (item - END10) * VECTORS_PER_ITEM); }        \
    else if (item < END12) { UPDATE(12, (item - END11) * VECTORS_PER_ITEM); }        \
    else if (item < END13) { UPDATE(13, (item - END12) * VECTORS_PER_ITEM); }        \
    else if (item < END14) { UPDATE(14, (item - END13) * VECTORS_PER_ITEM); }        \
    else if (item < END15) { UPDATE(15, (item - END14) * VECTORS_PER_ITEM); }

#define WITH_VELOCITY(k) __global float *p##k, __global float *v##k, __global const float *g##k
#define WITHOUT_VELOCITY(k) __global float *p##k, __global const float *g##k

#define MOMENTUM(k, first) sgd_momentum_items(p##k, v##k, g##k, first, learning_rate, momentum, weight_decay, COUNT##k)
__kernel void sgd_momentum_group(WITH_VELOCITY(0), WITH_VELOCITY(1), WITH_VELOCITY(2), WITH_VELOCITY(3),
                                 WITH_VELOCITY(4), WITH_VELOCITY(5), WITH_VELOCITY(6), WITH_VELOCITY(7),
                                 WITH_VELOCITY(8), WITH_VELOCITY(9), WITH_VELOCITY(10), WITH_VELOCITY(11),
                                 WITH_VELOCITY(12), WITH_VELOCITY(13), WITH_VELOCITY(14), WITH_VELOCITY(15),
                                 const float learning_rate, const float momentum, const float weight_decay) {
    DISPATCH(MOMENTUM)
}

#define NESTEROV(k, first) sgd_nesterov_items(p##k, v##k, g##k, first, learning_rate, momentum, weight_decay, COUNT##k)
__kernel void sgd_nesterov_group(WITH_VELOCITY(0), WITH_VELOCITY(1), WITH_VELOCITY(2), WITH_VELOCITY(3),
                                 WITH_VELOCITY(4), WITH_VELOCITY(5), WITH_VELOCITY(6), WITH_VELOCITY(7),
                                 WITH_VELOCITY(8), WITH_VELOCITY(9), WITH_VELOCITY(10), WITH_VELOCITY(11),
                                 WITH_VELOCITY(12), WITH_VELOCITY(13), WITH_VELOCITY(14), WITH_VELOCITY(15),
                                 const float learning_rate, const float momentum, const float weight_decay) {
    DISPATCH(NESTEROV)
}

#define PLAIN(k, first) sgd_plain_items(p##k, g##k, first, learning_rate, weight_decay, COUNT##k)
__kernel void sgd_plain_group(WITHOUT_VELOCITY(0), WITHOUT_VELOCITY(1), WITHOUT_VELOCITY(2), WITHOUT_VELOCITY(3),
                              WITHOUT_VELOCITY(4), WITHOUT_VELOCITY(5), WITHOUT_VELOCITY(6), WITHOUT_VELOCITY(7),
                              WITHOUT_VELOCITY(8), WITHOUT_VELOCITY(9), WITHOUT_VELOCITY(10), WITHOUT_VELOCITY(11),
                              WITHOUT_VELOCITY(12), WITHOUT_VELOCITY(13), WITHOUT_VELOCITY(14), WITHOUT_VELOCITY(15),
                              const float learning_rate, const float weight_decay) {
    DISPATCH(PLAIN)
}
