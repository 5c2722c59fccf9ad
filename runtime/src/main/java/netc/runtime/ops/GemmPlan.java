package netc.runtime.ops;

import netc.runtime.cl.Defines;

/**
 * How one {@link GemmShape} is computed by {@code gemm.cl}: which kernel, the register block each
 * work-item owns, whether the right operand is first packed into column panels, and the launch grid
 * (one work-item per block, row blocks along the first dimension). {@code columnsFirst}: a work-group takes
 * column blocks before row blocks ({@link BlockedGemm}); {@code streamPackRight}: the right operand's pack
 * walks its rows along the panels and writes around the caches ({@link #STREAM_PACK_MIN_FLOATS}).
 */
record GemmPlan(String kernelName, boolean swapped, int blockRows, int blockCols, int vectorK, boolean packLeft,
        boolean packRight, long[] global, boolean columnsFirst, boolean streamPackRight) {
    /** k rows per work-item of the pack kernels (PACK_K_ROWS in gemm.cl): a few cache lines of work. */
    static final int PACK_K_ROWS = 16;
    /**
     * Packing the right operand costs one copy of it and pays back per row block that reuses a panel:
     * measured on PoCL (Zen 4) it won from about 16 row blocks of 8 on, and from 4 when the operand
     * (over 4 MiB) cannot stay in L2 between reuses; it lost ~8% at 12 row blocks with K = 121.
     */
    static final int PACK_RIGHT_ROWS = 128;
    static final int PACK_RIGHT_ROWS_LARGE = 32;
    static final long PACK_LARGE_FLOATS = 1L << 20;
    /**
     * Packing the left operand pays when many column blocks reuse it and it is large enough to amortise
     * one more launch: measured on PoCL (Zen 4) with 16-row blocks, +60-80% for 64 x 4096 x 4096 NN (rows 16 KiB apart
     * alias in the caches) and +20% for 4096 x 6400 x 64 TN; -10% at 9 column blocks (384 x 144 x 3456)
     * and -7% for the small 96 x 2916 x 121.
     */
    static final int PACK_LEFT_COLS = 1024;
    static final long PACK_LEFT_FLOATS = 1L << 16;
    /**
     * NT with K below this runs as the outer-product kernel on a transposed copy of B (when enough row
     * blocks reuse it): the dot kernel's horizontal sums cost as much as its k loop at K = 144, where
     * it measured (PoCL, Zen 4) 126 GFLOP/s against 194 (384 x 2304 x 144); at K = 676 158 against 170. With few
     * rows (64 x 4096 x 4096) the copy does not pay: 164 for dot against 68-117.
     */
    static final int DOT_MIN_K = 1024;
    /**
     * NT with at most this many rows of C, a long K and a B of at least {@link #SWAP_MIN_B_FLOATS} (a dense
     * layer's forward at a modest batch: C = X W^T, W stored [out][in]) runs swapped ({@link #ntSwapped}):
     * the dot kernel's 4 x 4 blocks read all of A again for every 4 rows of B, from L3 when A is over
     * 1 MiB, and spent as long on that as on FMAs: measured (PoCL, Zen 4, best of 10 on a loaded machine)
     * 64 x 4096 x 6400 took 35-38 ms swapped against 47-52 ms by dot products.
     */
    static final int SWAP_MAX_ROWS = 64;
    static final long SWAP_MIN_B_FLOATS = 1L << 22;
    /**
     * ... unless B's rows are a multiple of this many floats (2 KiB) apart: the 16 rows of a swapped block
     * then fall into at most 2 of the first-level cache's sets and evict each other (64 x 4096 x 4096: 48-62
     * ms swapped against 26-27 by dot products).
     */
    static final int SWAP_ALIASING_FLOATS = 512;
    /**
     * An NN or TN product with a short K (at most {@link #SWAP_MAX_ROWS}) and a C of at least
     * {@link #SWAP_MIN_B_FLOATS} (a dense layer's weight gradient at a modest batch, dZ^T X) is bound by
     * storing C: its work-groups take column blocks first, so that a group writes long runs of a few rows
     * of C instead of one cache line in each of 1024 rows (a page and, at rows 16 KiB apart, the same cache
     * sets each). Measured (PoCL, Zen 4, best of 12 alternated on a loaded machine): 4096 x 6400 x 64
     * 29 ms against 40, 4096 x 4096 x 64 24 ms against 38.
     */
    static final int COLUMNS_FIRST_MAX_K = SWAP_MAX_ROWS;
    /**
     * A right operand packed from its K x Q layout (NN, TN) of at least this many floats (16 MiB, beyond what
     * the caches keep until the product reads it back) is packed with streaming stores, and each pack
     * work-group walks along its rows across panels rather than down one panel: a dense layer's input
     * gradient, dZ W, packs all of W ([out][in], 105 MB for AlexNet's fc1) on every call. Measured (PoCL,
     * Zen 4, best of 10-12 alternated on a loaded machine): the pack alone of 4096 x 6400 took 7-13 ms against
     * 10-21, of 4096 x 4096 4-6 against 7-16; the whole product 64 x 6400 x 4096 44-45 ms against 45-47, and
     * 64 x 4096 x 4096 28-29 against 33, where walking the rows gave nearly all of it and the streaming
     * stores alone nothing measurable.
     */
    static final long STREAM_PACK_MIN_FLOATS = 1L << 22;

    static GemmPlan of(GemmShape shape, GemmTuning tuning) {
        return of(shape, tuning, null, null);
    }

    /**
     * The plan for a {@link GemmBatch} of several products of {@code shape}: nothing packed, as the
     * scratch holds one product's operand (NT then runs as dot products).
     */
    static GemmPlan batched(GemmShape shape, GemmTuning tuning) {
        return of(shape, tuning, false, false);
    }

    /**
     * The plan for {@code shape}; a null {@code packLeft} or {@code packRight} lets the size heuristic
     * decide. For NT, {@code packRight} chooses between the dot kernel (false) and outer products on a
     * transposed copy of B (true).
     */
    static GemmPlan of(GemmShape shape, GemmTuning tuning, Boolean packLeft, Boolean packRight) {
        boolean nt = shape.transB() && !shape.transA();
        if (nt && packLeft == null && packRight == null && swapsNt(shape)) {
            return ntSwapped(shape, tuning);
        }
        boolean ntByOuter = nt && (packRight != null ? packRight
                : shape.k() < DOT_MIN_K && shape.m() >= PACK_RIGHT_ROWS);
        if (nt && !ntByOuter) {
            int rows = Math.min(tuning.dotRows(), shape.m());
            int cols = Math.min(tuning.dotCols(), shape.n());
            return new GemmPlan("gemm_dot", false, rows, cols, largestPowerOfTwoUpTo(tuning.dotVectorK(), shape.k()),
                    false, false, grid(rows, shape.m(), cols, shape.n()), false, false);
        }
        // TT is computed as C^T = B A, so the product's rows are C's columns.
        boolean swapped = shape.transA() && shape.transB();
        int p = swapped ? shape.n() : shape.m();
        int q = swapped ? shape.m() : shape.n();
        int rows = Math.min(tuning.outerRows(), p);
        int cols = largestPowerOfTwoUpTo(tuning.outerCols(), q);
        boolean right; // NT must pack: the packing is what transposes B
        if (ntByOuter || packRight != null) {
            right = ntByOuter || packRight;
        } else {
            right = p >= PACK_RIGHT_ROWS || p >= PACK_RIGHT_ROWS_LARGE && (long) shape.k() * q >= PACK_LARGE_FLOATS;
        }
        boolean left = packLeft != null ? packLeft
                : q >= PACK_LEFT_COLS && (long) p * shape.k() >= PACK_LEFT_FLOATS;
        boolean storeBound = !nt && !swapped && shape.k() <= COLUMNS_FIRST_MAX_K && (long) p * q >= SWAP_MIN_B_FLOATS;
        boolean streamPack = right && !shape.transB() && (long) shape.k() * q >= STREAM_PACK_MIN_FLOATS;
        return new GemmPlan("gemm_outer", swapped, rows, cols, 1, left, right, grid(rows, p, cols, q), storeBound,
                streamPack);
    }

    /** Whether an NT product runs as {@link #ntSwapped} (see {@link #SWAP_MAX_ROWS}). */
    static boolean swapsNt(GemmShape shape) {
        return shape.m() <= SWAP_MAX_ROWS && shape.k() >= DOT_MIN_K && shape.k() % SWAP_ALIASING_FLOATS != 0
                && (long) shape.n() * shape.k() >= SWAP_MIN_B_FLOATS;
    }

    /**
     * NT as {@code C^T = B A^T} on gemm_outer: B (stored {@code N x K}) is the unpacked left operand and A the
     * packed right one, C stored transposed back.
     */
    static GemmPlan ntSwapped(GemmShape shape, GemmTuning tuning) {
        if (!shape.transB() || shape.transA()) {
            throw new IllegalArgumentException("GEMM " + shape + ": only NT products run swapped.");
        }
        int rows = Math.min(tuning.outerRows(), shape.n());
        int cols = largestPowerOfTwoUpTo(tuning.outerCols(), shape.m());
        return new GemmPlan("gemm_outer", true, rows, cols, 1, false, true, grid(rows, shape.n(), cols, shape.m()),
                true, false);
    }

    /** This plan with work-groups taking column blocks first, or not (tests force both orders). */
    GemmPlan withColumnsFirst(boolean first) {
        return new GemmPlan(kernelName, swapped, blockRows, blockCols, vectorK, packLeft, packRight, global, first,
                streamPackRight);
    }

    /** This plan with the right operand's pack streamed along its rows, or not; only for NN and TN. */
    GemmPlan withStreamPackRight(GemmShape shape, boolean stream) {
        if (stream && (!packRight || shape.transB())) {
            throw new IllegalArgumentException("GEMM " + shape + ": only a packed right operand stored K x N (NN,"
                    + " TN) is packed streaming; pack the right operand of an NN or TN product.");
        }
        return new GemmPlan(kernelName, swapped, blockRows, blockCols, vectorK, packLeft, packRight, global,
                columnsFirst, stream);
    }

    /** Floats of the packed left operand: every row block, K groups of {@code blockRows} each. */
    long packedLeftFloats(GemmShape shape) {
        return global[0] * shape.k() * blockRows;
    }

    /** Floats of the packed right operand: every column block, K vectors each. */
    long packedRightFloats(GemmShape shape) {
        return global[1] * shape.k() * blockCols;
    }

    /** A pack kernel's grid: (k row groups, blocks of the left or right operand). */
    long[] packGrid(GemmShape shape, boolean leftOperand) {
        return new long[] {ceilDiv(shape.k(), PACK_K_ROWS), global[leftOperand ? 0 : 1]};
    }

    Defines defines(GemmShape shape) {
        return Defines.of()
                .set("M", shape.m()).set("N", shape.n()).set("K", shape.k())
                .set("TRANS_A", shape.transA()).set("TRANS_B", shape.transB()).set("SWAP", swapped)
                .set("ACCUMULATE", shape.accumulate())
                .set("BLOCK_ROWS", blockRows).set("BLOCK_COLS", blockCols).set("VECTOR_K", vectorK)
                .set("PACK_LEFT", packLeft).set("PACK_RIGHT", packRight).set("PACK_K_ROWS", PACK_K_ROWS)
                .set("STREAM_PACK", streamPackRight);
    }

    private static long[] grid(int blockRows, int rows, int blockCols, int cols) {
        return new long[] {ceilDiv(rows, blockRows), ceilDiv(cols, blockCols)};
    }

    private static long ceilDiv(long value, long divisor) {
        return (value + divisor - 1) / divisor;
    }

    /** The largest of 1, 2, 4, ... that is at most both {@code limit} and {@code size}. */
    private static int largestPowerOfTwoUpTo(int limit, int size) {
        int width = 1;
        while (width * 2 <= Math.min(limit, size)) {
            width *= 2;
        }
        return width;
    }
}
