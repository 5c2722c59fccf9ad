package netc.samples.reference;

/**
 * A trainable tensor of the reference: its float32 value (exactly what a file stores and the device
 * uses) and its gradient, accumulated in double.
 *
 * @param name the state_dict suffix, {@code weight} or {@code bias}
 * @param shape PyTorch's shape (conv {@code [out, in, kh, kw]}, linear {@code [out, in]})
 */
record ReferenceParameter(String name, int[] shape, float[] value, double[] grad) {
    static ReferenceParameter zeros(String name, int... shape) {
        int count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return new ReferenceParameter(name, shape, new float[count], new double[count]);
    }

    /** Fan-in and fan-out as PyTorch's init module computes them: channels times receptive field. */
    int fanIn() {
        return value.length / shape[0];
    }

    int fanOut() {
        return value.length / shape[1];
    }

    double[] valueAsDoubles() {
        double[] values = new double[value.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = value[i];
        }
        return values;
    }
}
