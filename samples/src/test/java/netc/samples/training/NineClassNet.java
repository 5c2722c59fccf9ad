package netc.samples.training;

import netc.*;

/** Ends in nine scores where Fashion-MNIST has ten classes: the trainer must refuse it. */
@Network(channels = 1, height = 28, width = 28)
public class NineClassNet {
    @Conv(out = 4, kernel = 5, stride = 2) Layer conv1;
    @Dense(out = 9) Layer fc1;
}
