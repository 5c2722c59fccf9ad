package netc.train;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.Mode;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Dense;
import netc.runtime.ops.Dropout;

/**
 * A hand-written model for the training step's tests, as the processor would write it: input (N, 1, 2, 2),
 * fc1 Dense(4 → 6, ReLU), drop1 Dropout(p), fc2 Dense(6 → 3).
 */
final class TinyModel extends CompiledModel {
    static final int IN = 4;
    static final int HIDDEN = 6;
    static final int CLASSES = 3;
    static final NetworkInfo INFO = new NetworkInfo("Tiny", "netc.train.Tiny", 1, 2, 2, CLASSES, List.of(),
            "tiny-hash", "");

    private final Tensor input;
    private final Dense fc1;
    private final Tensor fc1Out;
    private final Dropout drop1;
    private final Tensor drop1Out;
    private final Dense fc2;
    private final Tensor fc2Out;
    private final Tensor gradient;

    TinyModel(Device device, int batch, float dropout) {
        super(device, INFO, batch);
        input = own(new Tensor(device, batch, 1, 2, 2));
        fc1 = own(new Dense(device, "fc1", batch, IN, HIDDEN, Activation.RELU));
        fc1Out = own(new Tensor(device, batch, HIDDEN));
        drop1 = own(new Dropout(device, batch, HIDDEN, dropout));
        drop1Out = own(new Tensor(device, batch, HIDDEN));
        fc2 = own(new Dense(device, "fc2", batch, HIDDEN, CLASSES, Activation.NONE));
        fc2Out = own(new Tensor(device, batch, CLASSES));
        gradient = own(new Tensor(device, batch, HIDDEN));
    }

    @Override
    public Tensor input() {
        return input;
    }

    @Override
    public Tensor logits() {
        return fc2Out;
    }

    @Override
    public List<Parameter> parameters() {
        return concat(List.of(fc1.parameters(), fc2.parameters()));
    }

    @Override
    public void forward(Mode mode) {
        fc1.forward(fc1Out, input);
        after("fc1", false);
        drop1.forward(drop1Out, fc1Out, mode, dropoutKey(1));
        after("drop1", false);
        fc2.forward(fc2Out, drop1Out);
        after("fc2", false);
    }

    @Override
    public void backward(Tensor dLogits) {
        fc2.backward(gradient, dLogits, drop1Out, fc2Out);
        after("fc2", true);
        drop1.backward(gradient, gradient);
        after("drop1", true);
        fc1.backward(null, gradient, input, fc1Out);
        after("fc1", true);
    }
}
