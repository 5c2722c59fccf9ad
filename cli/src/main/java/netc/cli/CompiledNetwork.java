package netc.cli;

import netc.runtime.model.ModelFactory;
import netc.runtime.model.NetworkInfo;

/** A {@code @Network} class together with what the processor generated for it. */
record CompiledNetwork(Class<?> networkClass, NetworkInfo info, ModelFactory factory) {
    String name() {
        return networkClass.getSimpleName();
    }
}
