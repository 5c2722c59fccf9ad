package netc.samples.training;

import netc.*;

/** Declares three input channels, which grey Fashion-MNIST cannot feed: the trainer must refuse it. */
@Network(channels = 3, height = 28, width = 28)
public class ColourNet {
    @Conv(out = 4, kernel = 5, stride = 2) Layer conv1;
    @Dense(out = 10) Layer fc1;
}
