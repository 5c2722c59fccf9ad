package netc.runtime.ops;

import java.util.Locale;
import java.util.Map;
import netc.runtime.cl.DeviceInfo;

/**
 * Which kernel computes a {@link Gemm}. {@link #REGISTER_BLOCKED} ({@code gemm.cl}) is shaped for CPU
 * drivers such as PoCL: one work-item per large register block, no local memory. {@link #LOCAL_TILED}
 * ({@code gemm_tiled.cl}) is shaped for GPUs: work-groups share local-memory tiles and each work-item
 * keeps a small block. A device gets the one shaped for its type unless the system property
 * {@value #PROPERTY} or the environment variable {@value #ENVIRONMENT} names one ({@code tiled} or
 * {@code blocked}); the property wins over the variable.
 */
public enum GemmVariant {
    REGISTER_BLOCKED("blocked"),
    LOCAL_TILED("tiled");

    public static final String PROPERTY = "netc.gemm";
    public static final String ENVIRONMENT = "NETC_GEMM";

    private static final Map<String, GemmVariant> BY_OPTION =
            Map.of(LOCAL_TILED.option, LOCAL_TILED, REGISTER_BLOCKED.option, REGISTER_BLOCKED);

    private final String option;

    GemmVariant(String option) {
        this.option = option;
    }

    /** The name the override accepts for this variant. */
    public String option() {
        return option;
    }

    /** The variant for {@code device}: the override if one is set, else by device type. */
    public static GemmVariant of(DeviceInfo device) {
        return choose(device.gpu(), System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));
    }

    /**
     * The property's value if set, else the variable's, else the variant shaped for the device type;
     * an unknown value is refused naming the accepted ones.
     */
    static GemmVariant choose(boolean gpu, String property, String environment) {
        if (property != null && !property.isBlank()) {
            return parse(property, "-D" + PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return parse(environment, ENVIRONMENT);
        }
        return gpu ? LOCAL_TILED : REGISTER_BLOCKED;
    }

    private static GemmVariant parse(String value, String source) {
        GemmVariant variant = BY_OPTION.get(value.trim().toLowerCase(Locale.ROOT));
        if (variant == null) {
            throw new IllegalArgumentException(source + "=" + value + " is not a GEMM variant; use "
                    + LOCAL_TILED.option + " (local-memory tiles, for GPUs) or " + REGISTER_BLOCKED.option
                    + " (register blocks, for CPUs), or leave it unset to choose by device type.");
        }
        return variant;
    }
}
