package netc.processor.codegen;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types the generated model refers to besides the ops (each kind names its own), named
 * once; the processor does not link against the runtime.
 */
final class TypeNames {
    static final ClassName DEVICE = ClassName.get("netc.runtime.cl", "Device");
    static final ClassName TENSOR = ClassName.get("netc.runtime.cl", "Tensor");
    static final ClassName COMPILED_MODEL = ClassName.get("netc.runtime.model", "CompiledModel");
    static final ClassName NETWORK_INFO = ClassName.get("netc.runtime.model", "NetworkInfo");
    static final ClassName LAYER_ROW = ClassName.get("netc.runtime.model", "LayerRow");
    static final ClassName TORCH_STEP = ClassName.get("netc.runtime.model", "TorchStep");
    static final ClassName TENSOR_INFO = ClassName.get("netc.runtime.model", "TensorInfo");
    static final ClassName SCRATCH = ClassName.get("netc.runtime.cl", "Scratch");
    static final ClassName MEMORY_ESTIMATE = ClassName.get("netc.runtime.model", "MemoryEstimate");
    static final ClassName MEMORY_PLAN = ClassName.get("netc.runtime.model", "MemoryPlan");
    static final ClassName PLACEMENT = MEMORY_PLAN.nestedClass("Placement");
    static final ClassName MODEL_FACTORY = ClassName.get("netc.runtime.model", "ModelFactory");
    static final ClassName PARAMETER = ClassName.get("netc.runtime.model", "Parameter");
    static final ClassName STATE_TENSOR = ClassName.get("netc.runtime.model", "StateTensor");
    static final ClassName MODE = ClassName.get("netc.runtime.model", "Mode");
    static final ClassName TENSOR_ARITHMETIC = ClassName.get("netc.runtime.ops", "TensorArithmetic");
    /** In netc-train; an application that only predicts lacks it, and then no trainer is written. */
    static final ClassName TRAINER = ClassName.get("netc.train", "Trainer");
    static final ClassName TRAINING_OPTIONS = ClassName.get("netc.train", "TrainingOptions");
    static final ClassName TRAINING_REPORT = ClassName.get("netc.train", "TrainingReport");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private TypeNames() {}
}
