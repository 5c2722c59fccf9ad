package netc.samples.blocks;

import static netc.Arg.*;

import netc.*;

/**
 * d2l's {@code Residual} (section 8.6): {@code relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))},
 * where the shortcut is the 1×1 convolution {@code conv3} where the body changes the shape (d2l's
 * {@code use_1x1conv}) and the identity elsewhere. Arguments: output channels, stride of {@code conv1}
 * and {@code conv3}. The fields keep d2l's names, which are PyTorch's.
 */
@Block(join = Join.ADD, activation = Activation.RELU)
public class Residual {
    static final int CHANNELS = ARG0;
    static final int STRIDE = ARG1;

    @Conv(out = CHANNELS, kernel = 3, padding = 1, stride = STRIDE) Layer conv1;
    @BatchNorm Layer bn1;
    @ReLU Layer relu;
    @Conv(out = CHANNELS, kernel = 3, padding = 1) Layer conv2;
    @BatchNorm Layer bn2;
    @Shortcut(optional = true) @Conv(out = CHANNELS, kernel = 1, stride = STRIDE) Layer conv3;
}
