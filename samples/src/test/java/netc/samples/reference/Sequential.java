package netc.samples.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code nn.Sequential}: modules run in order, and each parameter is named by its module's
 * index and its own name, as a state_dict names it ({@code 0.weight}, {@code 3.bias}, ...).
 */
final class Sequential {
    private final List<Module> modules;

    Sequential(Module... modules) {
        this.modules = List.of(modules);
    }

    Batch forward(Batch input) {
        Batch x = input;
        for (Module module : modules) {
            x = module.forward(x);
        }
        return x;
    }

    /** Runs every module's backward after a {@link #forward}, accumulating the parameter gradients. */
    void backward(Batch logitsGradient) {
        Batch gradient = logitsGradient;
        for (int i = modules.size() - 1; i >= 0; i--) {
            gradient = modules.get(i).backward(gradient);
        }
    }

    /** Every parameter by its state_dict name, in state_dict order. */
    Map<String, ReferenceParameter> namedParameters() {
        Map<String, ReferenceParameter> named = new LinkedHashMap<>();
        for (int i = 0; i < modules.size(); i++) {
            for (ReferenceParameter parameter : modules.get(i).parameters()) {
                named.put(i + "." + parameter.name(), parameter);
            }
        }
        return named;
    }

    List<ReferenceParameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }
}
