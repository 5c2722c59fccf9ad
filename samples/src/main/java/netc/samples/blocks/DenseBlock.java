package netc.samples.blocks;

import static netc.Arg.*;

import netc.*;

/**
 * d2l's {@code DenseBlock(num_convs, input_channels, num_channels)} (section 8.7): {@code net}, an
 * {@code nn.Sequential} of {@link ConvBlock}s, each adding {@code growth} channels. Arguments: the number
 * of convolutions, the growth rate.
 */
@Block
public class DenseBlock {
    static final int CONVS = ARG0;
    static final int GROWTH = ARG1;

    @Use(value = ConvBlock.class, args = {GROWTH}, repeat = CONVS) Layer net;
}
