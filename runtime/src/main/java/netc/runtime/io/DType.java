package netc.runtime.io;

/** The element types a safetensors file may hold that netc reads and writes, by their header names. */
public enum DType {
    F32(4),
    F64(8),
    I32(4),
    I64(8),
    U8(1);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type named {@code name} in a header, or null when netc does not handle it. */
    static DType named(String name) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
