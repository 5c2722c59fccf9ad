package netc.samples.blocks;

import netc.*;

/**
 * d2l's {@code b1} of ResNet and DenseNet: a 7×7 stride-2 convolution, batch normalisation, ReLU and a
 * 3×3 stride-2 max pooling, {@code nn.Sequential(Conv2d(1, 64, 7, 2, 3), BatchNorm2d(64), ReLU(), MaxPool2d(3, 2, 1))}.
 */
@Block
public class Stem {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3) Layer conv;
    @BatchNorm Layer bn;
    @ReLU Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool;
}
