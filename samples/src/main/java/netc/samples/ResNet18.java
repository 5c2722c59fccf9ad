package netc.samples;

import netc.*;
import netc.samples.blocks.ResNetStage;
import netc.samples.blocks.Stem;

/**
 * ResNet-18 as d2l.ai builds it (section 8.6, "Residual Networks (ResNet)") for 96×96 Fashion-MNIST:
 * the stem {@code b1}, four stages of two {@code Residual}s each ({@code b2}…{@code b5}, 64 → 512 channels,
 * every stage after the first halving height and width), global average pooling and a dense layer.
 * PyTorch's names map field by field: {@code b3.first.conv3.weight} is d2l's {@code 2.0.conv3.weight}.
 */
@Network(channels = 1, height = 96, width = 96)
public class ResNet18 {
    @Use(Stem.class) Layer b1;
    @Use(value = ResNetStage.class, args = {64, 1}) Layer b2;
    @Use(value = ResNetStage.class, args = {128, 2}) Layer b3;
    @Use(value = ResNetStage.class, args = {256, 2}) Layer b4;
    @Use(value = ResNetStage.class, args = {512, 2}) Layer b5;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
    @Dense(out = 10) Layer fc;
}
