package netc.samples.training;

import netc.*;
import static netc.Activation.*;

/** A small network with dropout, so that resume tests cover the dropout masks as well as the weights. */
@Network(channels = 1, height = 28, width = 28)
public class DropoutNet {
    @Conv(out = 4, kernel = 5, stride = 2, activation = RELU) Layer conv1;
    @MaxPool(kernel = 2, stride = 2) Layer pool1;
    @Dense(out = 32, activation = RELU) Layer fc1;
    @Dropout(0.5) Layer drop1;
    @Dense(out = 10) Layer fc2;
}
