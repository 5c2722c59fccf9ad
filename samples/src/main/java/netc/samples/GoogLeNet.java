package netc.samples;

import netc.*;
import netc.samples.blocks.GoogLeNetB1;
import netc.samples.blocks.GoogLeNetB2;
import netc.samples.blocks.GoogLeNetB3;
import netc.samples.blocks.GoogLeNetB4;
import netc.samples.blocks.GoogLeNetB5;

/**
 * GoogLeNet as d2l.ai builds it (section 8.4, "Networks with Parallel Concatenations (GoogLeNet)") for
 * 96×96 Fashion-MNIST: five stages {@code b1}…{@code b5}, nine {@code Inception} blocks among them, then
 * a dense layer. PyTorch's names map field by field: {@code b3.inception1.p2_2.weight} is {@code 2.0.p2_2.weight}.
 */
@Network(channels = 1, height = 96, width = 96)
public class GoogLeNet {
    @Use(GoogLeNetB1.class) Layer b1;
    @Use(GoogLeNetB2.class) Layer b2;
    @Use(GoogLeNetB3.class) Layer b3;
    @Use(GoogLeNetB4.class) Layer b4;
    @Use(GoogLeNetB5.class) Layer b5;
    @Dense(out = 10) Layer fc;
}
