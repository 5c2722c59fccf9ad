package netc.samples.blocks;

import static netc.Activation.RELU;
import static netc.Arg.*;

import netc.*;

/** d2l's {@code vgg_block(2, out_channels)} (section 8.2): two 3×3 convolutions with ReLU, then 2×2 max pooling. */
@Block
public class VggBlock2 {
    static final int CHANNELS = ARG0;

    @Conv(out = CHANNELS, kernel = 3, padding = 1, activation = RELU) Layer conv1;
    @Conv(out = CHANNELS, kernel = 3, padding = 1, activation = RELU) Layer conv2;
    @MaxPool(kernel = 2, stride = 2) Layer pool;
}
