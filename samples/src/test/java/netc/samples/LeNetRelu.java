package netc.samples;

import netc.*;
import static netc.Activation.*;

/** d2l's LeNet with ReLU for sigmoid and max for average pooling: the second PyTorch fixture's network. */
@Network(channels = 1, height = 28, width = 28)
public class LeNetRelu {
    @Conv(out = 6, kernel = 5, padding = 2, activation = RELU) Layer conv1;
    @MaxPool(kernel = 2, stride = 2) Layer pool1;
    @Conv(out = 16, kernel = 5, activation = RELU) Layer conv2;
    @MaxPool(kernel = 2, stride = 2) Layer pool2;
    @Dense(out = 120, activation = RELU) Layer fc1;
    @Dense(out = 84, activation = RELU) Layer fc2;
    @Dense(out = 10) Layer fc3;
}
