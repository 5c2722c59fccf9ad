package netc.samples;

import netc.*;
import netc.samples.blocks.NinBlock;

/**
 * Network in Network as d2l.ai builds it (section 8.3, "Network in Network (NiN)") for 224×224
 * Fashion-MNIST: four NiN blocks, max pooling between them, and no dense layer: the last block has ten
 * channels, one per class, averaged over the image.
 */
@Network(channels = 1, height = 224, width = 224)
public class NiN {
    @Use(value = NinBlock.class, args = {96, 11, 4, 0}) Layer nin1;
    @MaxPool(kernel = 3, stride = 2) Layer pool1;
    @Use(value = NinBlock.class, args = {256, 5, 1, 2}) Layer nin2;
    @MaxPool(kernel = 3, stride = 2) Layer pool2;
    @Use(value = NinBlock.class, args = {384, 3, 1, 1}) Layer nin3;
    @MaxPool(kernel = 3, stride = 2) Layer pool3;
    @Dropout(0.5) Layer drop;
    @Use(value = NinBlock.class, args = {10, 3, 1, 1}) Layer nin4;
    @GlobalAvgPool Layer pool4;
    @Flatten Layer flatten;
}
