package netc.cli;

import netc.runtime.model.CompiledModel;
import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;

/**
 * A {@code @Network} class together with what the processor generated for it: the model class, its
 * {@code INFO} and {@code FACTORY}.
 */
record CompiledNetwork(Class<?> networkClass, Class<? extends CompiledModel> modelClass, NetworkInfo info,
                       ModelFactory factory) {
    String name() {
        return networkClass.getSimpleName();
    }
}
