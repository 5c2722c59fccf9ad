package netc.samples;

import netc.*;
import static netc.Activation.*;

/**
 * LeNet-5 as d2l.ai builds it (section 7.6, "Convolutional Neural Networks (LeNet)"): sigmoid
 * activations and average pooling, with the first convolution padded so 28×28 Fashion-MNIST fits.
 */
@Network(channels = 1, height = 28, width = 28)
public class LeNet {
    @Conv(out = 6, kernel = 5, padding = 2, activation = SIGMOID) Layer conv1;
    @AvgPool(kernel = 2, stride = 2) Layer pool1;
    @Conv(out = 16, kernel = 5, activation = SIGMOID) Layer conv2;
    @AvgPool(kernel = 2, stride = 2) Layer pool2;
    @Dense(out = 120, activation = SIGMOID) Layer fc1;
    @Dense(out = 84, activation = SIGMOID) Layer fc2;
    @Dense(out = 10) Layer fc3;
}
