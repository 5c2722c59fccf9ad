package netc.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import netc.runtime.cl.Device;

/** One lock per OpenCL device in this JVM, by name: what replicas sharing a device synchronise on. */
final class DeviceTurns {
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private DeviceTurns() {}

    static Object of(Device device) {
        return LOCKS.computeIfAbsent(device.info().name(), name -> new Object());
    }
}
