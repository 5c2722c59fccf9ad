package netc.runtime.model;

/**
 * One level of a layer's place in PyTorch's module tree, as the compiler worked it out: the field's name,
 * its slot (its number in an {@code nn.Sequential}, counting the extra entries a fused activation or an
 * implied {@code Flatten} stand for), and the copy of a repeated block ({@code -1} without one).
 *
 * <p>A segment of a PyTorch name matches the level when it equals the name or the slot; a repetition
 * takes one more segment. So {@code conv1} at slot 0 matches {@code 0.weight} and {@code conv1.weight}.
 */
public record TorchStep(String name, int slot, int repetition) {

    /** Whether this level has a repetition segment. */
    public boolean repeated() {
        return repetition >= 0;
    }
}
