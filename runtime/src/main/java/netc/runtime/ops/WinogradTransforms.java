package netc.runtime.ops;

import netc.Activation;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Defines;
import netc.runtime.cl.Device;
import netc.runtime.cl.Kernel;

/**
 * The {@code winograd.cl} kernels of one {@link WinogradTiling} for chunks of {@code images}
 * images: the filter, input and output transforms and their adjoints (the file documents the layouts).
 */
final class WinogradTransforms {
    private final Kernel filter;
    private final Kernel filterByOutputChannel;
    private final Kernel filterGradient;
    private final Kernel input;
    private final Kernel inputGradientTiles;
    private final Kernel inputGradient;
    private final Kernel output;
    private final Kernel outputGradient;
    private final Kernel biasGradient;
    private final long[] filterGrid;
    private final long[] filterByOutputChannelGrid;
    private final long[] inputGrid;
    private final long[] inputGradientGrid;
    private final long[] outputGrid;
    private final long[] biasGrid;

    /** With V and M stored non-temporally where a chunk's holds at least {@code streamMinFloats} ({@link WinogradTiling#defines}). */
    WinogradTransforms(Device device, WinogradTiling tiling, int images, Activation activation, long streamMinFloats) {
        Defines defines = tiling.defines(images, streamMinFloats);
        ConvGeometry g = tiling.geometry();
        this.filter = device.kernel("winograd.cl", "winograd_filter", defines);
        this.filterByOutputChannel = device.kernel("winograd.cl", "winograd_filter_by_output_channel", defines);
        this.filterGradient = device.kernel("winograd.cl", "winograd_filter_gradient", defines);
        this.input = device.kernel("winograd.cl", "winograd_input", defines);
        this.inputGradientTiles = device.kernel("winograd.cl", "winograd_input_gradient_tiles", defines);
        this.inputGradient = device.kernel("winograd.cl", "winograd_input_gradient", defines);
        this.output = device.kernel("winograd.cl", "winograd_output", ActivationDefine.set(defines, activation));
        this.outputGradient = device.kernel("winograd.cl", "winograd_output_gradient",
                ActivationDefine.set(defines, activation));
        this.biasGradient = device.kernel("winograd.cl", "winograd_bias_gradient", defines);
        long tiles = (long) images * tiling.tilesPerImage();
        // Channels run along dimension 0, WinogradTiling.lanes of them per work-item of the tile transforms.
        long inGroups = g.inChannels() / WinogradTiling.lanes(g.inChannels());
        long outGroups = g.outChannels() / WinogradTiling.lanes(g.outChannels());
        // The filter transforms' lanes run along U's contiguous dimension: output channels in the forward's
        // layout (and dU's), input channels in the backward's.
        this.filterGrid = new long[] {outGroups, g.inChannels()};
        this.filterByOutputChannelGrid = new long[] {g.outChannels(), inGroups};
        this.inputGrid = new long[] {inGroups, tiles};
        this.inputGradientGrid = new long[] {inGroups, (long) images * tiling.inputBlocksPerImage()};
        this.outputGrid = new long[] {outGroups, tiles};
        this.biasGrid = new long[] {outGroups};
    }

    /** {@code u = G weight Gᵀ} for every channel pair, as {@code U[ξ][c][co]}: the forward's layout. */
    void filter(Buffer u, Buffer weight) {
        filter.launch(filterGrid, null, u, weight);
    }

    /** {@code u = G weight Gᵀ} for every channel pair, as {@code U[ξ][co][c]}: the backward's layout (for dV). */
    void filterByOutputChannel(Buffer u, Buffer weight) {
        filterByOutputChannel.launch(filterByOutputChannelGrid, null, u, weight);
    }

    /** {@code dWeight = Gᵀ dU G} from {@code dU[ξ][c][co]}, overwriting it. */
    void filterGradient(Buffer dWeight, Buffer dU) {
        filterGradient.launch(filterGrid, null, dWeight, dU);
    }

    /** {@code v = Bᵀ d B} for every tile of a chunk of images. */
    void input(Buffer v, long vOffset, Buffer source, long sourceOffset) {
        input.launch(inputGrid, null, v, vOffset, source, sourceOffset);
    }

    /** The chunk's input gradient from {@code dV}, overwriting it; {@code dV} is left holding the patch gradients. */
    void inputGradient(Buffer dInput, long dInputOffset, Buffer dV, long dVOffset) {
        inputGradientTiles.launch(inputGrid, null, dV, dVOffset);
        inputGradient.launch(inputGradientGrid, null, dInput, dInputOffset, dV, dVOffset);
    }

    /** The chunk's output {@code activation(Aᵀ m A + bias)}. */
    void output(Buffer out, long outOffset, Buffer m, long mOffset, Buffer bias) {
        output.launch(outputGrid, null, out, outOffset, m, mOffset, bias);
    }

    /**
     * {@code dM = A dz Aᵀ} for the chunk, {@code dz} the output gradient (NCHW) through the activation's slope
     * at {@code output}, or the output gradient itself when {@code output} is null.
     */
    void outputGradient(Buffer dM, long dMOffset, Buffer dOutput, Buffer output, long offset) {
        Buffer slopeAt = output != null ? output : dOutput; // unread when null
        outputGradient.launch(outputGrid, null, dM, dMOffset, dOutput, offset, slopeAt, offset, output != null ? 1 : 0);
    }

    /** {@code dBias = } (or, with {@code accumulate}, {@code +=}) the chunk's sum of dz, read from its {@code dM}. */
    void biasGradient(Buffer dBias, Buffer dM, long dMOffset, boolean accumulate) {
        biasGradient.launch(biasGrid, null, dBias, dM, dMOffset, accumulate ? 1 : 0);
    }
}
