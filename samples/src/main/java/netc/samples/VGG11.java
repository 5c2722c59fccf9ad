package netc.samples;

import static netc.Activation.RELU;

import netc.*;
import netc.samples.blocks.VggBlock1;
import netc.samples.blocks.VggBlock2;

/**
 * VGG-11 as d2l.ai trains it (section 8.2, "Networks Using Blocks (VGG)"): {@code small_conv_arch}, the
 * channels of {@code ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512))} divided by 4, on 224×224
 * Fashion-MNIST, then three dense layers with dropout.
 */
@Network(channels = 1, height = 224, width = 224)
public class VGG11 {
    @Use(value = VggBlock1.class, args = {16}) Layer block1;
    @Use(value = VggBlock1.class, args = {32}) Layer block2;
    @Use(value = VggBlock2.class, args = {64}) Layer block3;
    @Use(value = VggBlock2.class, args = {128}) Layer block4;
    @Use(value = VggBlock2.class, args = {128}) Layer block5;
    @Dense(out = 4096, activation = RELU) Layer fc1;
    @Dropout(0.5) Layer drop1;
    @Dense(out = 4096, activation = RELU) Layer fc2;
    @Dropout(0.5) Layer drop2;
    @Dense(out = 10) Layer fc3;
}
