package netc.samples;

import netc.*;
import netc.samples.blocks.DenseBlock;
import netc.samples.blocks.Stem;
import netc.samples.blocks.TransitionBlock;

/**
 * DenseNet as d2l.ai builds it (section 8.7, "Densely Connected Networks (DenseNet)") for 96×96
 * Fashion-MNIST: the stem, four dense blocks of four convolutions (growth 32) with transition blocks
 * halving channels, height and width between them, then batch normalisation, ReLU, global average pooling
 * and a dense layer. PyTorch's names map field by field: {@code dense1.net[3].bn.running_var} is
 * {@code 1.net.3.0.running_var}.
 */
@Network(channels = 1, height = 96, width = 96)
public class DenseNet {
    @Use(Stem.class) Layer b1;
    @Use(value = DenseBlock.class, args = {4, 32}) Layer dense1;
    @Use(value = TransitionBlock.class, args = {96}) Layer transition1;
    @Use(value = DenseBlock.class, args = {4, 32}) Layer dense2;
    @Use(value = TransitionBlock.class, args = {112}) Layer transition2;
    @Use(value = DenseBlock.class, args = {4, 32}) Layer dense3;
    @Use(value = TransitionBlock.class, args = {120}) Layer transition3;
    @Use(value = DenseBlock.class, args = {4, 32}) Layer dense4;
    @BatchNorm Layer bn;
    @ReLU Layer relu;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Dense(out = 10) Layer fc;
}
