package netc.processor.kind;

/**
 * When a {@code @Dense} compiles to the runtime's {@code SmallDense} instead of {@code Dense}: a multiple
 * of 4 inputs up to 1024 and at most 256 outputs, where one kernel per product beats a GEMM with its
 * packing and separate passes. The processor does not link against the runtime, so this repeats
 * {@code SmallDense.suits}; a processor test checks that the two agree.
 */
final class SmallDenseLayer {
    static final int MAX_IN = 1024;
    static final int MAX_OUT = 256;

    private SmallDenseLayer() {}

    static boolean suits(long in, long out) {
        return in >= 4 && in % 4 == 0 && in <= MAX_IN && out >= 1 && out <= MAX_OUT;
    }
}
