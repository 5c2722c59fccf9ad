package netc.samples;

import static netc.Arg.*;

import netc.*;

/**
 * A small network with every join and every way a gradient is combined, for {@link GraphGradientTest}:
 * residuals with an identity shortcut (the block's input feeds the body and the sum) and with an
 * optional 1×1 shortcut that exists only where the stride changes the shape; a three-branch concatenation
 * whose input feeds every branch; two dense-style concatenations of input and body; a flatten before a
 * dense layer; dropout; BatchNorm on images and on features. Smooth activations (tanh, sigmoid), so that
 * central differences do not straddle a kink.
 */
@Network(channels = 2, height = 8, width = 8)
class GraphGradientNet {
    @Conv(out = 4, kernel = 3, padding = 1) Layer conv;
    @BatchNorm Layer bn;
    @Tanh Layer tanh;
    @Use(value = TanhResidual.class, args = {4, 1}) Layer same;
    @Use(value = TanhResidual.class, args = {6, 2}) Layer down;
    @Use(Mix.class) Layer mix;
    @Use(value = Grow.class, repeat = 2) Layer grow;
    @Flatten Layer flatten;
    @Dropout(0.25) Layer drop;
    @Dense(out = 8) Layer fc1;
    @BatchNorm Layer bn1;
    @Sigmoid Layer sigmoid;
    @Dense(out = 5) Layer fc2;

    /** d2l's Residual with tanh for ReLU. */
    @Block(join = Join.ADD, activation = Activation.TANH)
    static class TanhResidual {
        @Conv(out = ARG0, kernel = 3, padding = 1, stride = ARG1) Layer conv1;
        @BatchNorm Layer bn1;
        @Tanh Layer tanh;
        @Conv(out = ARG0, kernel = 3, padding = 1) Layer conv2;
        @BatchNorm Layer bn2;
        @Shortcut(optional = true) @Conv(out = ARG0, kernel = 1, stride = ARG1) Layer conv3;
    }

    /** Three branches on one input, as an Inception block. */
    @Block(join = Join.CONCAT)
    static class Mix {
        @Branch(0) @Conv(out = 2, kernel = 1, activation = Activation.SIGMOID) Layer a;
        @Branch(1) @Conv(out = 3, kernel = 1, activation = Activation.TANH) Layer b1;
        @Branch(1) @Conv(out = 2, kernel = 3, padding = 1) Layer b2;
        @Branch(2) @AvgPool(kernel = 3, stride = 1, padding = 1) Layer c1;
        @Branch(2) @Conv(out = 2, kernel = 1) Layer c2;
    }

    /** One step of a dense block with tanh. */
    @Block(join = Join.CONCAT_INPUT)
    static class Grow {
        @BatchNorm Layer bn;
        @Tanh Layer tanh;
        @Conv(out = 3, kernel = 3, padding = 1) Layer conv;
    }
}
