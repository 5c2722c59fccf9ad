package netc.runtime.ops;

import netc.runtime.cl.Buffer;

/** How a {@link Gemm} enqueues its product on the device: one implementation per {@link GemmVariant}. */
sealed interface GemmLaunch extends AutoCloseable permits BlockedGemm, TiledGemm {
    /** Enqueues {@code C (+)= op(A)·op(B)}; the buffers are already checked to hold the matrices. */
    void run(Buffer c, long cOffset, Buffer a, long aOffset, Buffer b, long bOffset);

    /** Frees what the launch allocated (scratch buffers); the kernels belong to the device's cache. */
    @Override
    void close();
}
