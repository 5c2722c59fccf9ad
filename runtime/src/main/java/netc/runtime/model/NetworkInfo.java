package netc.runtime.model;

import java.util.List;
import java.util.Optional;

/**
 * What the compiler knew about a network: its name, input, classes, shape table, the tensors it owns
 * and a hash of its architecture (a checkpoint of another network is refused by comparing it).
 *
 * @param name the network class's simple name
 * @param networkClass the network class's qualified name
 * @param channels one example's input channels
 * @param height one example's input height
 * @param width one example's input width
 * @param outputs the width of the last layer (the number of classes)
 * @param layers the shape table, one row per layer or join, in the order the forward pass runs them
 * @param parameters every trainable tensor, in the order of the model's {@code parameters()}
 * @param buffers PyTorch's buffers, in layer order: the model's {@code buffers()} holds those on the device,
 *     its {@code counters()} the {@code num_batches_tracked} counters each BatchNorm op keeps on the host
 * @param memory where the model keeps its outputs and gradients: one block, planned by liveness
 * @param shapeHash a hex digest of the layer graph and every shape
 * @param summary the shape table as text, as {@code summary()} shows it
 */
public record NetworkInfo(
        String name,
        String networkClass,
        int channels,
        int height,
        int width,
        int outputs,
        List<LayerRow> layers,
        List<TensorInfo> parameters,
        List<TensorInfo> buffers,
        MemoryPlan memory,
        String shapeHash,
        String summary) {

    public NetworkInfo {
        layers = List.copyOf(layers);
        parameters = List.copyOf(parameters);
        buffers = List.copyOf(buffers);
    }

    /** A chain described by its table alone, without tensors (for tools and tests that build one by hand). */
    public NetworkInfo(String name, String networkClass, int channels, int height, int width, int outputs,
                       List<LayerRow> layers, String shapeHash, String summary) {
        this(name, networkClass, channels, height, width, outputs, layers, List.of(), List.of(),
                MemoryPlan.ofChain(layers), shapeHash, summary);
    }

    public long parameterCount() {
        return layers.stream().mapToLong(LayerRow::parameters).sum();
    }

    public long multiplyAdds() {
        return layers.stream().mapToLong(LayerRow::multiplyAdds).sum();
    }

    public int inputSize() {
        return channels * height * width;
    }

    /**
     * Whether {@code torchName}, a key of a PyTorch {@code state_dict} ({@code 2.0.conv3.weight},
     * {@code 1.net.3.0.running_var}), names {@code tensor}: level by level, a segment equal to the
     * field's name or slot, then the repetition where the level has one, and finally the suffix.
     */
    public boolean matchesTorchName(TensorInfo tensor, String torchName) {
        String[] segments = torchName.split("\\.", -1);
        int at = 0;
        for (TorchStep step : layers.get(tensor.layer()).torchPath()) {
            if (at >= segments.length
                    || !(segments[at].equals(step.name()) || segments[at].equals(Integer.toString(step.slot())))) {
                return false;
            }
            at++;
            if (step.repeated()) {
                if (at >= segments.length || !segments[at].equals(Integer.toString(step.repetition()))) {
                    return false;
                }
                at++;
            }
        }
        return at == segments.length - 1 && segments[at].equals(tensor.suffix());
    }

    /** The parameter or buffer a PyTorch {@code state_dict} key names, if any. */
    public Optional<TensorInfo> tensorForTorchName(String torchName) {
        return java.util.stream.Stream.concat(parameters.stream(), buffers.stream())
                .filter(tensor -> matchesTorchName(tensor, torchName))
                .findFirst();
    }
}
