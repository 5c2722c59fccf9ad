package netc.processor.codegen;

import com.palantir.javapoet.ClassName;

/** The types the generated code refers to, named once; the processor does not link against the runtime. */
final class TypeNames {
    static final ClassName ACTIVATION = ClassName.get("netc", "Activation");
    static final ClassName DEVICE = ClassName.get("netc.runtime.cl", "Device");
    static final ClassName TENSOR = ClassName.get("netc.runtime.cl", "Tensor");
    static final ClassName COMPILED_MODEL = ClassName.get("netc.runtime.model", "CompiledModel");
    static final ClassName NETWORK_INFO = ClassName.get("netc.runtime.model", "NetworkInfo");
    static final ClassName LAYER_ROW = ClassName.get("netc.runtime.model", "LayerRow");
    static final ClassName MODEL_FACTORY = ClassName.get("netc.runtime.model", "ModelFactory");
    static final ClassName PARAMETER = ClassName.get("netc.runtime.model", "Parameter");
    static final ClassName MODE = ClassName.get("netc.runtime.model", "Mode");
    static final ClassName CONV2D = ClassName.get("netc.runtime.ops", "Conv2d");
    static final ClassName MAX_POOL2D = ClassName.get("netc.runtime.ops", "MaxPool2d");
    static final ClassName AVG_POOL2D = ClassName.get("netc.runtime.ops", "AvgPool2d");
    static final ClassName DENSE = ClassName.get("netc.runtime.ops", "Dense");
    static final ClassName DROPOUT = ClassName.get("netc.runtime.ops", "Dropout");
    static final ClassName TRAINER = ClassName.get("netc.train", "Trainer");
    static final ClassName TRAINING_OPTIONS = ClassName.get("netc.train", "TrainingOptions");
    static final ClassName TRAINING_REPORT = ClassName.get("netc.train", "TrainingReport");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private TypeNames() {}
}
