package netc.samples.blocks;

import netc.*;

/** GoogLeNet's {@code b4} in d2l: five {@link Inception}s (480 → 512 → 512 → 512 → 528 → 832 channels), then max pooling. */
@Block
public class GoogLeNetB4 {
    @Use(value = Inception.class, args = {192, 96, 208, 16, 48, 64}) Layer inception1;
    @Use(value = Inception.class, args = {160, 112, 224, 24, 64, 64}) Layer inception2;
    @Use(value = Inception.class, args = {128, 128, 256, 24, 64, 64}) Layer inception3;
    @Use(value = Inception.class, args = {112, 144, 288, 32, 64, 64}) Layer inception4;
    @Use(value = Inception.class, args = {256, 160, 320, 32, 128, 128}) Layer inception5;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool;
}
