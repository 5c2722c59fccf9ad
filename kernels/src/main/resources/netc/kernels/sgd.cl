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

#ifndef VECTORS_PER_ITEM
#define VECTORS_PER_ITEM 4 // 16 contiguous floats per work-item: amortises the launch on CPUs
#endif

__kernel void sgd_momentum(__global float *param, __global float *velocity, __global const float *grad,
                           const float learning_rate, const float momentum, const float weight_decay,
                           const int count) {
    const int first = get_global_id(0) * VECTORS_PER_ITEM;
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

__kernel void sgd_nesterov(__global float *param, __global float *velocity, __global const float *grad,
                           const float learning_rate, const float momentum, const float weight_decay,
                           const int count) {
    const int first = get_global_id(0) * VECTORS_PER_ITEM;
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

__kernel void sgd_plain(__global float *param, __global const float *grad, const float learning_rate,
                        const float weight_decay, const int count) {
    const int first = get_global_id(0) * VECTORS_PER_ITEM;
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
