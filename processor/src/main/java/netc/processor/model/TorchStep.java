package netc.processor.model;

/**
 * One level of a node's place in PyTorch's module tree: the field's name, its slot (its number in an
 * {@code nn.Sequential}), and the copy of a repeated use (-1 without one). A PyTorch name segment
 * matches the level when it is the name or the slot; a repetition adds one more segment.
 */
public record TorchStep(String name, int slot, int repetition) {}
