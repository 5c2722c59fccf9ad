package netc.samples.blocks;

import static netc.Arg.*;

import netc.*;

/**
 * One step of d2l's {@code DenseBlock} (section 8.7): {@code conv_block(in, growth)}, batch normalisation,
 * ReLU and a 3×3 convolution, whose output is concatenated after its input on channels. Argument: the
 * growth rate (the convolution's channels).
 */
@Block(join = Join.CONCAT_INPUT)
public class ConvBlock {
    static final int GROWTH = ARG0;

    @BatchNorm Layer bn;
    @ReLU Layer relu;
    @Conv(out = GROWTH, kernel = 3, padding = 1) Layer conv;
}
