package netc.samples.blocks;

import static netc.Activation.RELU;
import static netc.Arg.*;

import netc.*;

/**
 * d2l's {@code nin_block(in_channels, out_channels, kernel_size, strides, padding)} (section 8.3): a
 * convolution and two 1×1 convolutions, each followed by a ReLU. Arguments: output channels, kernel,
 * stride and padding of the first convolution.
 */
@Block
public class NinBlock {
    static final int CHANNELS = ARG0;
    static final int KERNEL = ARG1;
    static final int STRIDE = ARG2;
    static final int PADDING = ARG3;

    @Conv(out = CHANNELS, kernel = KERNEL, stride = STRIDE, padding = PADDING, activation = RELU) Layer conv1;
    @Conv(out = CHANNELS, kernel = 1, activation = RELU) Layer conv2;
    @Conv(out = CHANNELS, kernel = 1, activation = RELU) Layer conv3;
}
