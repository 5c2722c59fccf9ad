package netc.cli.training;

import netc.*;

/** Declares two input channels, which neither grey nor RGB images feed: the trainer must refuse it. */
@Network(channels = 2, height = 28, width = 28)
public class TwoChannelNet {
    @Conv(out = 4, kernel = 5, stride = 2) Layer conv1;
    @Dense(out = 10) Layer fc1;
}
