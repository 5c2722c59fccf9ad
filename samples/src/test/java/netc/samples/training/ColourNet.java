package netc.samples.training;

import netc.*;

/** Declares three input channels: grey Fashion-MNIST feeds it the grey value in each (an RGB network on grey data). */
@Network(channels = 3, height = 28, width = 28)
public class ColourNet {
    @Conv(out = 4, kernel = 5, stride = 2) Layer conv1;
    @Dense(out = 10) Layer fc1;
}
