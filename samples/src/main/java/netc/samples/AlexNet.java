package netc.samples;

import netc.*;
import static netc.Activation.*;

/**
 * AlexNet as d2l.ai builds it (section 8.1, "Deep Convolutional Neural Networks (AlexNet)"): one
 * input channel for Fashion-MNIST resized to 224×224, and ten classes.
 */
@Network(channels = 1, height = 224, width = 224)
public class AlexNet {
    @Conv(out = 96, kernel = 11, stride = 4, padding = 1, activation = RELU) Layer conv1;
    @MaxPool(kernel = 3, stride = 2) Layer pool1;
    @Conv(out = 256, kernel = 5, padding = 2, activation = RELU) Layer conv2;
    @MaxPool(kernel = 3, stride = 2) Layer pool2;
    @Conv(out = 384, kernel = 3, padding = 1, activation = RELU) Layer conv3;
    @Conv(out = 384, kernel = 3, padding = 1, activation = RELU) Layer conv4;
    @Conv(out = 256, kernel = 3, padding = 1, activation = RELU) Layer conv5;
    @MaxPool(kernel = 3, stride = 2) Layer pool3;
    @Dense(in = 6400, out = 4096, activation = RELU) Layer fc1;
    @Dropout(0.5) Layer drop1;
    @Dense(in = 4096, out = 4096, activation = RELU) Layer fc2;
    @Dropout(0.5) Layer drop2;
    @Dense(out = 10) Layer fc3;
}
