package netc.samples.blocks;

import static netc.Activation.RELU;
import static netc.Arg.*;

import netc.*;

/** d2l's {@code vgg_block(1, out_channels)} (section 8.2): one 3×3 convolution with ReLU, then 2×2 max pooling. */
@Block
public class VggBlock1 {
    static final int CHANNELS = ARG0;

    @Conv(out = CHANNELS, kernel = 3, padding = 1, activation = RELU) Layer conv;
    @MaxPool(kernel = 2, stride = 2) Layer pool;
}
