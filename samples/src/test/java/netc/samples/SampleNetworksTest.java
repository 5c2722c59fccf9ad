package netc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.TensorInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * d2l's classic networks written in the DSL, against PyTorch's {@code state_dict} of the same networks
 * (d2l v0.17.6's module nesting; the lists in {@code fixtures/pytorch-names/}): the trainable parameter
 * count PyTorch reports, and every PyTorch name found, through the compiled PyTorch paths, as exactly one
 * of the network's tensors with PyTorch's shape, with none left over. No device is needed.
 */
class SampleNetworksTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(VGG11Model.INFO, "vgg11-small", 43_093_322L),
                Arguments.of(NiNModel.INFO, "nin", 1_992_166L),
                Arguments.of(GoogLeNetModel.INFO, "googlenet", 5_977_530L),
                Arguments.of(LeNetBNModel.INFO, "lenet-bn", 44_878L),
                Arguments.of(ResNet18Model.INFO, "resnet18", 11_178_378L),
                Arguments.of(DenseNetModel.INFO, "densenet", 758_226L));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("networks")
    void parameterCountIsPyTorchs(NetworkInfo info, String torchName, long parameters) {
        assertEquals(parameters, info.parameterCount());
        assertEquals(parameters, info.parameters().stream().mapToLong(TensorInfo::size).sum());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("networks")
    void everyPyTorchNameNamesOneTensorOfItsShape(NetworkInfo info, String torchName, long parameters)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Set<TensorInfo> named = new HashSet<>();
        List<String> lines = Files.readAllLines(Fixtures.file("pytorch-names/" + torchName + ".txt"));
        for (String line : lines) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] columns = line.trim().split("\\s+");
            String name = columns[0];
            List<Integer> shape = columns[1].equals("[]") ? List.of()
                    : Stream.of(columns[1].replaceAll("[\\[\\]]", "").split(",")).map(Integer::valueOf).toList();
            Optional<TensorInfo> tensor = info.tensorForTorchName(name);
            if (tensor.isEmpty()) {
                problems.add(name + " names no tensor");
            } else if (!tensor.get().shape().equals(shape)) {
                problems.add(name + " " + shape + " is " + tensor.get().name() + " " + tensor.get().shape());
            } else if (!named.add(tensor.get())) {
                problems.add(name + " names " + tensor.get().name() + " a second time");
            } else if (columns[3].equals("param") != info.parameters().contains(tensor.get())) {
                problems.add(name + " is a PyTorch " + columns[3] + " but " + tensor.get().name() + " is not");
            }
        }
        Stream.concat(info.parameters().stream(), info.buffers().stream()).filter(tensor -> !named.contains(tensor))
                .forEach(tensor -> problems.add(tensor.name() + " has no PyTorch name"));
        assertEquals(List.of(), problems);
        assertTrue(named.size() > 0);
    }

    /** The examples {@code netc check --help} and ARCHITECTURE.md give, as the compiled paths map them. */
    @org.junit.jupiter.api.Test
    void theDocumentedExamplesMapAsDocumented() {
        assertEquals("conv2.weight", LeNetModel.INFO.tensorForTorchName("3.weight").orElseThrow().name());
        assertEquals("b3.first.bn1.running_mean",
                ResNet18Model.INFO.tensorForTorchName("2.0.bn1.running_mean").orElseThrow().name());
        assertEquals("dense1.net[3].bn.weight",
                DenseNetModel.INFO.tensorForTorchName("1.net.3.0.weight").orElseThrow().name());
        assertEquals("dense1.net[3].bn.running_var",
                DenseNetModel.INFO.tensorForTorchName("1.net.3.0.running_var").orElseThrow().name());
    }
}
