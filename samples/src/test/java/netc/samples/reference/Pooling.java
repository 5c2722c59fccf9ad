package netc.samples.reference;

import netc.runtime.reference.PoolShape;

/** The batch shapes of the unpadded pooling modules, to and from the reference's {@link PoolShape}. */
final class Pooling {
    private Pooling() {}

    static PoolShape shape(Batch input, int kernel, int stride) {
        int[] shape = input.shape();
        return new PoolShape(shape[0], shape[1], shape[2], shape[3], kernel, stride, 0);
    }

    static int[] inputShape(PoolShape s) {
        return new int[] {s.n(), s.c(), s.h(), s.w()};
    }

    static int[] outputShape(PoolShape s) {
        return new int[] {s.n(), s.c(), s.outH(), s.outW()};
    }
}
