package netc.runtime.ops;

import java.util.stream.Stream;
import netc.runtime.reference.PoolShape;

/** The pooling configurations both pooling tests run. */
final class PoolingShapes {
    private PoolingShapes() {}

    /**
     * Odd sizes, strides 1-3, padding up to kernel / 2, overlapping windows, batch 1 and > 1; the
     * kernels' code paths (pool_rows.cl: one column at a time, or 4, 8 or 16 lanes; strided loads for
     * stride 1, 2 and other; edge columns beside the vector blocks; byte and int arg-max offsets).
     */
    static Stream<PoolShape> all() {
        return Stream.of(
                new PoolShape(1, 1, 5, 5, 2, 2, 0),   // LeNet-like, windows tile, last row/column dropped
                new PoolShape(2, 3, 7, 5, 3, 2, 1),   // overlapping windows with padding
                new PoolShape(3, 2, 9, 11, 3, 1, 1),  // stride 1: every element in up to 9 windows
                new PoolShape(1, 4, 8, 8, 3, 3, 0),   // stride 3 = kernel, uncovered last rows
                new PoolShape(2, 1, 6, 7, 1, 1, 0),   // kernel 1: a copy
                new PoolShape(2, 3, 13, 13, 3, 2, 0), // AlexNet's 3/2 overlap
                new PoolShape(1, 2, 5, 6, 4, 3, 2),   // even kernel, padding = kernel / 2, stride 3
                new PoolShape(2, 2, 6, 6, 5, 2, 2),   // large window, most windows partly padding
                new PoolShape(2, 3, 9, 37, 3, 2, 0),  // 16 lanes, stride 2, a last block moved back
                new PoolShape(1, 2, 11, 21, 3, 2, 1), // 8 lanes, stride 2, padded edge columns one at a time
                new PoolShape(2, 2, 7, 12, 3, 2, 0),  // 4 lanes, stride 2 (AlexNet's pool3 in small)
                new PoolShape(1, 3, 8, 30, 2, 3, 1),  // 8 lanes, stride 3 (element-wise strided loads)
                new PoolShape(1, 2, 6, 21, 3, 1, 1),  // 16 lanes, stride 1, padding
                new PoolShape(1, 1, 5, 6, 3, 1, 1),   // 4 lanes, stride 1, padding
                new PoolShape(1, 1, 16, 23, 16, 1, 0), // 8 lanes, 16x16 windows: arg-max offsets up to 255
                new PoolShape(1, 2, 17, 21, 17, 1, 0)); // 4 lanes, 17x17 windows: int arg-max offsets
    }
}
