package netc.runtime.predict;

import java.util.List;
import netc.Activation;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.model.CompiledModel;
import netc.runtime.model.LayerRow;
import netc.runtime.model.Mode;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;
import netc.runtime.model.Parameter;
import netc.runtime.ops.Dense;
import netc.runtime.ops.Dropout;

/**
 * A small model written as the processor would write it, to test prediction without the processor (the
 * runtime is built before it): input {@code (N, 1, 2, 3)}, dropout with p = 0.5, then a dense layer to
 * {@value #CLASSES} logits. The dropout makes a forward pass in training mode visibly different, so a
 * predictor that forgot evaluation mode would fail.
 */
final class DropoutLinearModel extends CompiledModel {
    static final int CLASSES = 4;
    static final int FEATURES = 6;
    static final NetworkInfo INFO = new NetworkInfo("DropoutLinear", "test.DropoutLinear", 1, 2, 3, CLASSES,
            List.of(new LayerRow("drop", "Dropout(0.5)", List.of(1, 2, 3), 0, 0),
                    new LayerRow("fc", "Dense(4)", List.of(CLASSES), FEATURES * CLASSES + CLASSES, FEATURES * CLASSES,
                            batch -> Dense.deviceMemory(batch, FEATURES, CLASSES))),
            "dropout-linear-hash", "Model: DropoutLinear");
    static final ModelFactory FACTORY = DropoutLinearModel::new;

    private final Tensor input;
    private final Tensor dropped;
    private final Tensor logits;
    private final Dropout drop;
    private final Dense fc;

    DropoutLinearModel(Device device, int batch) {
        this(device, batch, INFO);
    }

    /** The same layers under another identity: {@code info} says which network wrote a weight file. */
    DropoutLinearModel(Device device, int batch, NetworkInfo info) {
        super(device, info, batch);
        this.input = own(new Tensor(device, batch, 1, 2, 3));
        this.dropped = own(new Tensor(device, batch, 1, 2, 3));
        this.logits = own(new Tensor(device, batch, CLASSES));
        this.drop = own(new Dropout(device, batch, FEATURES, 0.5f));
        this.fc = own(new Dense(device, "fc", batch, FEATURES, CLASSES, Activation.NONE));
    }

    @Override
    public Tensor input() {
        return input;
    }

    @Override
    public Tensor logits() {
        return logits;
    }

    @Override
    public void forward(Mode mode) {
        drop.forward(dropped, input, mode, dropoutKey(0));
        fc.forward(logits, dropped);
    }

    @Override
    public void backward(Tensor dLogits) {
        throw new UnsupportedOperationException("prediction needs no backward pass");
    }

    @Override
    public List<Parameter> parameters() {
        return fc.parameters();
    }
}
