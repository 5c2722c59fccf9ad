package netc.samples.blocks;

import netc.*;

/** GoogLeNet's {@code b3} in d2l: two {@link Inception}s (192 → 256 → 480 channels), then 3×3 stride-2 max pooling. */
@Block
public class GoogLeNetB3 {
    @Use(value = Inception.class, args = {64, 96, 128, 16, 32, 32}) Layer inception1;
    @Use(value = Inception.class, args = {128, 128, 192, 32, 96, 64}) Layer inception2;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool;
}
