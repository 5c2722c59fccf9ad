package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;

/**
 * Tensors larger than an op needs, their tail filled with a sentinel, for the tests that ops accept
 * shared workspaces: the op must compute as usual and leave the tail untouched.
 */
final class Workspaces {
    /** A value no op computes from the tests' inputs, so any write past the used part shows. */
    static final float SENTINEL = 12345.0f;

    private Workspaces() {}

    /** {@code values} followed by {@code slack} sentinels, on the device. */
    static Tensor padded(Device device, float[] values, int slack) {
        float[] padded = Arrays.copyOf(values, values.length + slack);
        Arrays.fill(padded, values.length, padded.length, SENTINEL);
        Tensor tensor = new Tensor(device, padded.length);
        tensor.upload(padded);
        return tensor;
    }

    /** Asserts that everything past the first {@code used} values is still the sentinel. */
    static void assertTailUntouched(float[] values, int used, String what) {
        float[] tail = Arrays.copyOfRange(values, used, values.length);
        float[] sentinels = new float[tail.length];
        Arrays.fill(sentinels, SENTINEL);
        assertArrayEquals(sentinels, tail, what + " was written past its " + used + " floats");
    }
}
