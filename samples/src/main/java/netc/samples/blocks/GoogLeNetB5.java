package netc.samples.blocks;

import netc.*;

/**
 * GoogLeNet's {@code b5} in d2l: two {@link Inception}s (832 → 832 → 1024 channels), global average pooling
 * and the flatten, which d2l puts inside this block.
 */
@Block
public class GoogLeNetB5 {
    @Use(value = Inception.class, args = {256, 160, 320, 32, 128, 128}) Layer inception1;
    @Use(value = Inception.class, args = {384, 192, 384, 48, 128, 128}) Layer inception2;
    @GlobalAvgPool Layer pool;
    @Flatten Layer flatten;
}
