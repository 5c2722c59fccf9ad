/**
 * The plain-Java reference every kernel and every network is checked against: each layer's forward and
 * backward pass in double precision, written from PyTorch's definitions (direct loops: no im2col, no
 * GEMM, so it shares no lowering with the device ops). The runtime's op tests use it directly; the
 * samples' network-level reference ({@code netc.samples.reference}) builds d2l's Sequential networks
 * on it and checks it against PyTorch's recorded steps. Published as the runtime's test-jar.
 *
 * <p>Index convention: every tensor is a flat row-major array, {@code (N, C, H, W)} for images and
 * {@code (N, F)} for features, as PyTorch lays out a contiguous tensor. Backward passes add into the
 * parameter and input gradients they are given (PyTorch's {@code .grad} accumulation), so callers pass
 * zeroed arrays for a fresh gradient.
 */
package netc.runtime.reference;
