package netc.samples;

import static netc.Activation.SIGMOID;

import netc.AvgPool;
import netc.Conv;
import netc.Dense;
import netc.Layer;
import netc.Network;

/** d2l.ai's LeNet-5 (section 7.6) for 28×28 Fashion-MNIST images. */
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
