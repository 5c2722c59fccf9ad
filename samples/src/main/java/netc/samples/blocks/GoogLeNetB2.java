package netc.samples.blocks;

import static netc.Activation.RELU;

import netc.*;

/** GoogLeNet's {@code b2} in d2l: a 1×1 and a 3×3 convolution, each with ReLU, then 3×3 stride-2 max pooling. */
@Block
public class GoogLeNetB2 {
    @Conv(out = 64, kernel = 1, activation = RELU) Layer conv1;
    @Conv(out = 192, kernel = 3, padding = 1, activation = RELU) Layer conv2;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool;
}
