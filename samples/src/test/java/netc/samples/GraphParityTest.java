package netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netc.runtime.cl.Buffer;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.io.HostTensor;
import netc.runtime.io.SafetensorsReader;
import netc.runtime.io.TensorFile;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.model.StateTensor;
import netc.runtime.model.TensorInfo;
import netc.runtime.ops.SoftmaxCrossEntropy;
import org.junit.jupiter.api.Test;

/**
 * Networks with blocks against PyTorch 2.7.1 (the oracle fixtures, batch 2, BatchNorm in training mode):
 * every {@code state_dict} name maps to exactly one tensor through the compiled PyTorch paths, and with
 * PyTorch's weights and batch the logits, the loss, every gradient and the running statistics after the
 * step agree. This is the check of the generated graph code: joins, gradient accumulation where a tensor
 * feeds several layers, workspace sharing and BatchNorm's statistics.
 */
class GraphParityTest {
    /**
     * Forward results and running statistics: largest error at most 1e-4 of the tensor's largest value.
     * Measured (PoCL, CPU): logits 1e-6 (LeNetBN) and 2e-6 (DenseNet), running statistics below 1e-6.
     */
    private static final double FORWARD = 1e-4;
    /**
     * Gradients: 2e-3 of the tensor's scale, where the scale is at least 1e-2 of the largest gradient of
     * the network. Both sides are float32 and at batch 2 noisy: a BatchNorm over 2 samples passes gradients
     * through a cancellation, so PyTorch's own gradients differ from a float64 recomputation by up to 4.6e-4
     * of their scale (LeNetBN's {@code 1.weight}), and netc's by as much (4.6e-4, {@code bn1.bias}): float32
     * rounding amplified by κ = (var + eps)/eps of the two-value BatchNorm1d layers, up to 1.4e4 here
     * (u·κ = 8.6e-4; see netc.verify.TwoValueBatchNorms and docs/PERFORMANCE.md); and the biases of convolutions and dense layers before a
     * BatchNorm have an exact gradient of 0, which leaves rounding residue on both sides (the floor). Measured:
     * LeNetBN worst 5.0e-4 ({@code 1.weight}), DenseNet worst 1.0e-4; a wrong or missing contribution of one
     * consumer of a tensor shows at the size of the gradient itself.
     */
    private static final double GRADIENT = 2e-3;

    @Test
    void leNetWithBatchNormMatchesPyTorch() {
        assertMatches(LeNetBNModel.FACTORY, Fixtures.LENET_BN);
    }

    @Test
    void denseNetMatchesPyTorch() {
        assertMatches(DenseNetModel.FACTORY, Fixtures.DENSENET);
    }

    private static void assertMatches(ModelFactory factory, String fixture) {
        TensorFile file = SafetensorsReader.read(Fixtures.file(fixture));
        HostTensor input = file.tensor("input");
        int batch = Math.toIntExact(input.shape()[0]);
        try (Device device = Device.open(); CompiledModel model = factory.create(device, batch)) {
            NetworkInfo info = model.info();
            Map<TensorInfo, String> torchNames = torchNames(info, file);
            List<String> report = new ArrayList<>();
            List<String> failures = new ArrayList<>();

            for (int i = 0; i < model.parameters().size(); i++) {
                Parameter parameter = model.parameters().get(i);
                TensorInfo tensor = info.parameters().get(i);
                assertEquals(tensor.name(), parameter.name());
                parameter.value().upload(file.tensor(torchNames.get(tensor)).floats());
            }
            Map<String, StateTensor> state = new HashMap<>();
            model.buffers().forEach(buffer -> state.put(buffer.name(), buffer));
            model.input().upload(input.floats());
            model.setActiveRows(batch);
            model.forward(Mode.TRAIN);
            compare("logits", model.logits().download(), file.tensor("logits").floats(), 0, FORWARD, report, failures);

            try (Buffer labels = Buffer.allocate(device, batch);
                 Tensor dLogits = new Tensor(device, batch, info.outputs());
                 SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(device, batch, info.outputs())) {
                labels.write(Arrays.stream(file.tensor("labels").longs()).mapToInt(Math::toIntExact).toArray());
                loss.forward(dLogits, model.logits(), labels, batch);
                compare("loss", new float[] {loss.read().loss()}, file.tensor("loss").floats(), 0, FORWARD, report,
                        failures);
                model.backward(dLogits);
            }
            double largestGradient = 0;
            for (TensorInfo tensor : info.parameters()) {
                largestGradient = Math.max(largestGradient, scale(file.tensor(torchNames.get(tensor) + ".grad").floats()));
            }
            for (int i = 0; i < model.parameters().size(); i++) {
                String name = torchNames.get(info.parameters().get(i)) + ".grad";
                compare(name, model.parameters().get(i).grad().download(), file.tensor(name).floats(),
                        1e-2 * largestGradient, GRADIENT, report, failures);
            }
            for (TensorInfo tensor : info.buffers()) {
                StateTensor buffer = state.get(tensor.name());
                if (buffer != null) {
                    String name = torchNames.get(tensor) + ".after_step";
                    compare(name, buffer.value().download(), file.tensor(name).floats(), 0, FORWARD, report,
                            failures);
                }
            }
            System.out.println(fixture + ":\n" + String.join("\n", report));
            assertEquals(List.of(), failures, String.join("\n", report));
        }
    }

    /**
     * The file's {@code state_dict} names of the network's tensors: every one must name exactly one of
     * them (with its shape), and every tensor must have one.
     */
    private static Map<TensorInfo, String> torchNames(NetworkInfo info, TensorFile file) {
        Map<TensorInfo, String> names = new HashMap<>();
        for (String key : file.tensors().keySet()) {
            if (List.of("input", "labels", "logits", "loss").contains(key) || key.endsWith(".grad")
                    || key.endsWith(".after_sgd") || key.endsWith(".after_step")) {
                continue;
            }
            Optional<TensorInfo> tensor = info.tensorForTorchName(key);
            assertTrue(tensor.isPresent(), () -> key + " names no tensor of " + info.name());
            assertTrue(Arrays.equals(HostTensor.shapeOf(tensor.get().shape().stream().mapToInt(Integer::intValue)
                    .toArray()), file.tensor(key).shape()), key + " has another shape than " + tensor.get());
            String previous = names.put(tensor.get(), key);
            assertEquals(null, previous, () -> key + " and " + previous + " both name " + tensor.get().name());
        }
        assertEquals(info.parameters().size() + info.buffers().size(), names.size(), "every tensor has a PyTorch name");
        return names;
    }

    private static void compare(String name, float[] ours, float[] theirs, double scaleFloor, double tolerance,
                                List<String> report, List<String> failures) {
        assertEquals(theirs.length, ours.length, name + ": element count");
        double scale = Math.max(scale(theirs), scaleFloor);
        double error = 0;
        for (int i = 0; i < ours.length; i++) {
            error = Math.max(error, Math.abs(ours[i] - theirs[i]));
        }
        double relative = scale == 0 ? error : error / scale;
        String line = String.format("%-40s error %.2e of scale %.3e", name, relative, scale);
        report.add(line);
        if (!(relative <= tolerance)) {
            failures.add(line);
        }
    }

    private static double scale(float[] values) {
        double scale = 0;
        for (float value : values) {
            scale = Math.max(scale, Math.abs(value));
        }
        return scale;
    }
}
