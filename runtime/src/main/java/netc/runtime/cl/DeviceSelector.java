package netc.runtime.cl;

import java.util.List;
import java.util.Locale;

/**
 * Picks a device from a user's selector: {@code null} or empty (prefer a GPU, else the first device),
 * {@code gpu}, {@code cpu}, an id {@code platform:device} as {@code netc devices} lists, or a piece of
 * the device or platform name. The selector comes from an API argument or, failing that, the
 * {@value #ENVIRONMENT_VARIABLE} environment variable.
 */
public final class DeviceSelector {
    public static final String ENVIRONMENT_VARIABLE = "NETC_DEVICE";

    private DeviceSelector() {}

    /** The selector to use: the argument if given, else the environment variable, else null. */
    public static String effective(String argument) {
        if (argument != null && !argument.isBlank()) {
            return argument.trim();
        }
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
    }

    public static DeviceInfo select(List<DeviceInfo> devices, String selector) {
        if (selector == null || selector.isBlank()) {
            return devices.stream().filter(DeviceInfo::gpu).findFirst().orElse(devices.get(0));
        }
        String wanted = selector.trim().toLowerCase(Locale.ROOT);
        for (DeviceInfo device : devices) {
            boolean matches = switch (wanted) {
                case "gpu" -> device.gpu();
                case "cpu" -> !device.gpu();
                default -> device.id().equals(wanted)
                        || device.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || device.platformName().toLowerCase(Locale.ROOT).contains(wanted);
            };
            if (matches) {
                return device;
            }
        }
        StringBuilder known = new StringBuilder();
        for (DeviceInfo device : devices) {
            known.append("\n  ").append(device);
        }
        throw new IllegalArgumentException("No OpenCL device matches '" + selector + "'. Use 'gpu', 'cpu', an id"
                + " such as 0:0, or part of a name; the devices here are:" + known);
    }
}
