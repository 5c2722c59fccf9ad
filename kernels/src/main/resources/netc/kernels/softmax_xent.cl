// Softmax cross-entropy with its gradient, PyTorch's CrossEntropyLoss (mean) over the first `count`
// rows of a batch. Per counted row i with label y:
//   loss_i = log(sum_j exp(x_ij - m_i)) - (x_iy - m_i),  m_i = max_j x_ij (stable for large logits)
//   dLogits_ij = (softmax_ij - [j == y]) / count
// and rows >= count get dLogits exactly 0 (padding rows of a short last batch). Each row also writes
// (loss_i, 1 if its first arg-max equals y else 0) into `rows`; the host sums those in double, so
// no reduction kernel and no float cancellation over the batch.
//
// Shapes: BATCH rows x CLASSES logits, row-major; labels BATCH ints; rows 2 * BATCH floats.
// Index convention: one work-item per row. dLogits may be the logits buffer itself: each element is
// read before it is written.
// A label outside [0, CLASSES) is never used as an index: its row's loss is NaN (visible, not a
// crash) and its gradient is softmax / count.

#ifndef BATCH
#define BATCH 1 // rows
#endif
#ifndef CLASSES
#define CLASSES 10 // logits per row
#endif

__kernel void softmax_xent(__global float *d_logits, __global float *rows, __global const float *logits,
                           __global const int *labels, const int count) {
    const int row = get_global_id(0);
    if (row >= BATCH) return;
    const __global float *x = logits + row * CLASSES;
    __global float *d = d_logits + row * CLASSES;
    if (row >= count) {
        for (int j = 0; j < CLASSES; j++) d[j] = 0.0f;
        rows[2 * row] = 0.0f;
        rows[2 * row + 1] = 0.0f;
        return;
    }
    const int label = labels[row];
    const bool valid = label >= 0 && label < CLASSES;
    float top = x[0];
    int top_at = 0;
    for (int j = 1; j < CLASSES; j++) {
        if (x[j] > top) { // strict: the first maximum, as torch.argmax
            top = x[j];
            top_at = j;
        }
    }
    float sum = 0.0f;
    for (int j = 0; j < CLASSES; j++) sum += exp(x[j] - top);
    const float label_logit = x[valid ? label : 0]; // always an in-bounds read
    rows[2 * row] = valid ? log(sum) - (label_logit - top) : NAN;
    rows[2 * row + 1] = valid && top_at == label ? 1.0f : 0.0f;
    for (int j = 0; j < CLASSES; j++) {
        const float softmax = exp(x[j] - top) / sum;
        d[j] = (softmax - (j == label ? 1.0f : 0.0f)) / (float) count;
    }
}
