package netc.samples;

import netc.*;

/**
 * LeNet with batch normalisation as d2l.ai builds it concisely (section 8.5, "Batch Normalization"): every
 * convolution and dense layer but the last followed by BatchNorm and then the sigmoid, on 28×28
 * Fashion-MNIST without padding (so the first dense layer reads 16×4×4 = 256 values).
 */
@Network(channels = 1, height = 28, width = 28)
public class LeNetBN {
    @Conv(out = 6, kernel = 5) Layer conv1;
    @BatchNorm Layer bn1;
    @Sigmoid Layer sigmoid1;
    @AvgPool(kernel = 2, stride = 2) Layer pool1;
    @Conv(out = 16, kernel = 5) Layer conv2;
    @BatchNorm Layer bn2;
    @Sigmoid Layer sigmoid2;
    @AvgPool(kernel = 2, stride = 2) Layer pool2;
    @Flatten Layer flatten;
    @Dense(out = 120) Layer fc1;
    @BatchNorm Layer bn3;
    @Sigmoid Layer sigmoid3;
    @Dense(out = 84) Layer fc2;
    @BatchNorm Layer bn4;
    @Sigmoid Layer sigmoid4;
    @Dense(out = 10) Layer fc3;
}
