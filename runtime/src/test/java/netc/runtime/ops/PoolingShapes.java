package netc.runtime.ops;

import java.util.stream.Stream;
import netc.runtime.ops.PoolingReference.Shape;

/** The pooling configurations both pooling tests run. */
final class PoolingShapes {
    private PoolingShapes() {}

    /** Odd sizes, strides 1-3, padding up to kernel / 2, overlapping windows, batch 1 and > 1. */
    static Stream<Shape> all() {
        return Stream.of(
                new Shape(1, 1, 5, 5, 2, 2, 0),   // LeNet-like, windows tile, last row/column dropped
                new Shape(2, 3, 7, 5, 3, 2, 1),   // overlapping windows with padding
                new Shape(3, 2, 9, 11, 3, 1, 1),  // stride 1: every element in up to 9 windows
                new Shape(1, 4, 8, 8, 3, 3, 0),   // stride 3 = kernel, uncovered last rows
                new Shape(2, 1, 6, 7, 1, 1, 0),   // kernel 1: a copy
                new Shape(2, 3, 13, 13, 3, 2, 0), // AlexNet's 3/2 overlap
                new Shape(1, 2, 5, 6, 4, 3, 2),   // even kernel, padding = kernel / 2, stride 3
                new Shape(2, 2, 6, 6, 5, 2, 2));  // large window, most windows partly padding
    }
}
