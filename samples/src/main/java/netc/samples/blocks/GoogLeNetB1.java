package netc.samples.blocks;

import static netc.Activation.RELU;

import netc.*;

/** GoogLeNet's {@code b1} in d2l: a 7×7 stride-2 convolution with ReLU, then 3×3 stride-2 max pooling. */
@Block
public class GoogLeNetB1 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, activation = RELU) Layer conv;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool;
}
