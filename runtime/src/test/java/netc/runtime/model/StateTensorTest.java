package netc.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import netc.runtime.cl.Device;
import org.junit.jupiter.api.Test;

class StateTensorTest {
    @Test
    void startsAtItsInitialValueAndResetsToIt() {
        try (Device device = Device.open();
                StateTensor mean = new StateTensor(device, "bn1.running_mean", new int[] {5}, 0f);
                StateTensor var = new StateTensor(device, "bn1.running_var", new int[] {5}, 1f)) {
            assertEquals("bn1.running_mean", mean.name());
            assertArrayEquals(new int[] {5}, var.shape());
            assertEquals(5, var.size());
            assertEquals(1f, var.initialValue());
            assertArrayEquals(new float[5], mean.value().download());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1}, var.value().download());
            var.value().upload(new float[] {2, 3, 4, 5, 6});
            var.reset();
            assertArrayEquals(new float[] {1, 1, 1, 1, 1}, var.value().download());
            assertEquals("bn1.running_var[5]", var.toString());
        }
    }
}
