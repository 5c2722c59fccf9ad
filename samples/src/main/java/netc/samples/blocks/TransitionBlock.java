package netc.samples.blocks;

import static netc.Arg.*;

import netc.*;

/**
 * d2l's {@code transition_block(input_channels, num_channels)} (section 8.7): batch normalisation, ReLU, a
 * 1×1 convolution to fewer channels and a 2×2 average pooling that halves height and width. Argument:
 * output channels.
 */
@Block
public class TransitionBlock {
    static final int CHANNELS = ARG0;

    @BatchNorm Layer bn;
    @ReLU Layer relu;
    @Conv(out = CHANNELS, kernel = 1) Layer conv;
    @AvgPool(kernel = 2, stride = 2) Layer pool;
}
