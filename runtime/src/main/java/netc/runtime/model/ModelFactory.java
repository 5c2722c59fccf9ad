package netc.runtime.model;

import netc.runtime.cl.Device;

/** Builds a generated model for a device and a batch size; each generated model's constructor is one. */
@FunctionalInterface
public interface ModelFactory {
    CompiledModel create(Device device, int batchSize);
}
