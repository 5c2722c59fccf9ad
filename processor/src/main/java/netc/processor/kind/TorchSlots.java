package netc.processor.kind;

/**
 * How many entries of a PyTorch {@code nn.Sequential} one layer field stands for, and which of them
 * holds its tensors: a convolution with a fused ReLU is two ({@code Conv2d}, {@code ReLU}); a dense
 * layer on an image is preceded by the {@code Flatten} it implies, so its {@code Linear} is at offset 1.
 *
 * @param offset the position of the layer's own module among its entries
 * @param count how many entries it stands for
 */
public record TorchSlots(int offset, int count) {
    /** One module, the layer itself. */
    public static final TorchSlots ONE = new TorchSlots(0, 1);
}
