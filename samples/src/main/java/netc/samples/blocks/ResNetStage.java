package netc.samples.blocks;

import static netc.Arg.*;

import netc.*;

/**
 * d2l's {@code resnet_block(input_channels, num_channels, 2)}: two {@link Residual}s, the first with the
 * stage's stride (and so its 1×1 shortcut where the shape changes), as an {@code nn.Sequential} of two.
 * Arguments: output channels, the first residual's stride.
 */
@Block
public class ResNetStage {
    static final int CHANNELS = ARG0;
    static final int STRIDE = ARG1;

    @Use(value = Residual.class, args = {CHANNELS, STRIDE}) Layer first;
    @Use(value = Residual.class, args = {CHANNELS, 1}) Layer second;
}
