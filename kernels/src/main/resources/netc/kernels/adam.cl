// One Adam or AdamW step, PyTorch's torch.optim.Adam / AdamW (amsgrad off, single-tensor path), per element:
//   g     = grad + l2_decay * p                 Adam's weight decay (an L2 term; 0 for AdamW)
//   p     = p * decoupled_decay                 AdamW's 1 - lr * weight_decay (1 for Adam)
//   m     = m + one_minus_beta1 * (g - m)       exp_avg.lerp_(grad, 1 - beta1)
//   v     = beta2 * v + one_minus_beta2 * g * g exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2)
//   p    -= step_size * m / (sqrt(v) / bias_correction2_sqrt + epsilon)
// The host works out step_size = lr / (1 - beta1^t) and bias_correction2_sqrt = sqrt(1 - beta2^t) in double
// for step t (1 on the first step), as PyTorch does in Python floats, so the kernel needs no step count.
//
// Shapes: `count` floats of one parameter, its two moments and its gradient, contiguous.
// Index convention: work-item i updates the float4 vectors [i * VECTORS_PER_ITEM,
// (i + 1) * VECTORS_PER_ITEM); a last partial vector (count % 4 floats) is done element by element by
// the work-item that owns it. Hyper-parameters are arguments, not defines, so a schedule or the step
// count changing every step never rebuilds the program.

#ifndef VECTORS_PER_ITEM
#define VECTORS_PER_ITEM 4 // 16 contiguous floats per work-item: amortises the launch on CPUs
#endif

// The update for one float or one float4: T names the type (the same text serves both).
#define ADAM_UPDATE(T, P, M, V, GRAD)                                                           \
    {                                                                                        \
        const T g = (GRAD) + l2_decay * (P);                                                 \
        M = M + one_minus_beta1 * (g - M);                                                   \
        V = beta2 * V + one_minus_beta2 * g * g;                                             \
        P = P * decoupled_decay - step_size * M / (sqrt(V) / bias_correction2_sqrt + epsilon); \
    }

__kernel void adam(__global float *param, __global float *exp_avg, __global float *exp_avg_sq,
                   __global const float *grad, const float step_size, const float bias_correction2_sqrt,
                   const float one_minus_beta1, const float beta2, const float one_minus_beta2,
                   const float epsilon, const float l2_decay, const float decoupled_decay, const int count) {
    const int first = get_global_id(0) * VECTORS_PER_ITEM;
    for (int v = first; v < first + VECTORS_PER_ITEM; v++) {
        if (4 * v + 4 <= count) {
            float4 p = vload4(v, param);
            float4 m = vload4(v, exp_avg);
            float4 s = vload4(v, exp_avg_sq);
            ADAM_UPDATE(float4, p, m, s, vload4(v, grad));
            vstore4(m, v, exp_avg);
            vstore4(s, v, exp_avg_sq);
            vstore4(p, v, param);
        } else {
            for (int i = 4 * v; i < count; i++) {
                float p = param[i];
                float m = exp_avg[i];
                float s = exp_avg_sq[i];
                ADAM_UPDATE(float, p, m, s, grad[i]);
                exp_avg[i] = m;
                exp_avg_sq[i] = s;
                param[i] = p;
            }
            return;
        }
    }
}
