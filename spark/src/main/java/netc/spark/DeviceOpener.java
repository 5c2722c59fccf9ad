package netc.spark;

import java.io.Serializable;
import netc.runtime.cl.Device;

/** How an executor opens its OpenCL device; sent to it with the job, so it must be serializable. */
@FunctionalInterface
public interface DeviceOpener extends Serializable {
    /** OpenCL's own choice by selector ({@code gpu}, {@code cpu}, an id or part of a name; null: the default). */
    DeviceOpener OPENCL = selector -> selector == null ? Device.open() : Device.open(selector);

    Device open(String selector);
}
