package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import netc.runtime.cl.Device;
import netc.runtime.cl.Tensor;
import netc.runtime.cl.TestDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Add and TensorArithmetic: one correctly rounded float addition per value (or a copy), so the device
 * must equal the same sum in Java bit for bit; workspaces' tails must stay untouched.
 */
class TensorArithmeticTest {
    private static final int SLACK = 23;

    @TestDevice private static Device device;
    private static TensorArithmetic arithmetic;

    @BeforeAll
    static void openDevice() {
        arithmetic = new TensorArithmetic(device);
    }

    /** Counts below, at and past one 16-float group, and several groups with a tail. */
    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 100, 1031})
    void addsAccumulatesAndCopiesTheFirstCountValuesExactly(int count) {
        Random random = new Random(count);
        float[] a = TestArrays.uniform(random, count, 1.0);
        float[] b = TestArrays.uniform(random, count, 1.0);
        float[] sum = new float[count];
        for (int i = 0; i < count; i++) {
            sum[i] = a[i] + b[i];
        }
        try (Tensor ta = Workspaces.padded(device, a, SLACK);
                Tensor tb = Workspaces.padded(device, b, SLACK);
                Tensor out = Workspaces.padded(device, new float[count], SLACK)) {
            arithmetic.add(out, ta, tb, count);
            assertExactlyWithUntouchedTail(sum, out, "add");

            arithmetic.accumulate(ta, tb, count);
            assertExactlyWithUntouchedTail(sum, ta, "accumulate");

            arithmetic.copy(out, tb, count);
            assertExactlyWithUntouchedTail(b, out, "copy");
        }
    }

    @Test
    void addWorksInPlaceAndAccumulatingATensorOntoItselfDoublesIt() {
        float[] a = TestArrays.uniform(new Random(1), 40, 1.0);
        float[] doubled = new float[40];
        for (int i = 0; i < 40; i++) {
            doubled[i] = a[i] + a[i];
        }
        try (Add add = new Add(device, 2, 20); Tensor x = Workspaces.padded(device, a, SLACK);
                Tensor y = Workspaces.padded(device, a, SLACK)) {
            add.forward(x, x, x);
            assertExactlyWithUntouchedTail(doubled, x, "x = x + x");
            arithmetic.accumulate(y, y, 40);
            assertExactlyWithUntouchedTail(doubled, y, "y += y");
            arithmetic.copy(y, y, 40); // one tensor: nothing to copy
            assertExactlyWithUntouchedTail(doubled, y, "copy onto itself");
        }
    }

    @Test
    void addJoinsTwoBranchesOfABatch() {
        Random random = new Random(2);
        float[] body = TestArrays.uniform(random, 3 * 2 * 5 * 5, 1.0);
        float[] shortcut = TestArrays.uniform(random, 3 * 2 * 5 * 5, 1.0);
        float[] sum = new float[body.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = body[i] + shortcut[i];
        }
        try (Add add = new Add(device, 3, 2 * 5 * 5); Tensor a = new Tensor(device, 3, 2, 5, 5);
                Tensor b = new Tensor(device, 3, 2, 5, 5); Tensor out = Workspaces.padded(device, new float[150], SLACK)) {
            a.upload(body);
            b.upload(shortcut);
            add.forward(out, a, b);
            assertExactlyWithUntouchedTail(sum, out, "residual sum");
        }
    }

    @Test
    void rejectsBadCountsAndSmallTensors() {
        try (Tensor small = new Tensor(device, 5); Tensor big = new Tensor(device, 10)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> arithmetic.accumulate(small, big, 6));
            assertTrue(e.getMessage().contains("target") && e.getMessage().contains("6 are needed"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> arithmetic.copy(big, big, 0));
            try (Add add = new Add(device, 2, 5)) {
                assertThrows(IllegalArgumentException.class, () -> add.forward(big, big, small));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Add(device, 0, 5));
    }

    private static void assertExactlyWithUntouchedTail(float[] expected, Tensor tensor, String what) {
        float[] values = tensor.download();
        assertArrayEquals(expected, Arrays.copyOf(values, expected.length), what);
        Workspaces.assertTailUntouched(values, expected.length, what);
    }
}
