package netc.runtime.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A view shares its tensor's memory, allocates none, and refuses an unaligned or out-of-range start. */
class TensorViewTest {
    @TestDevice private static Device device;

    @Test
    void aViewReadsAndWritesItsPartOfTheBlock() {
        long alignment = device.viewAlignmentElements();
        try (Tensor block = new Tensor(device, 2, (int) (4 * alignment))) {
            long before = device.allocatedBytes();
            try (Tensor view = block.view(2 * alignment, 2, 3, 5)) {
                assertEquals(before, device.allocatedBytes(), "a view allocates nothing");
                assertArrayEquals(new int[] {2, 3, 5}, view.shape());
                assertEquals(30, view.size());
                float[] values = new float[30];
                for (int i = 0; i < values.length; i++) {
                    values[i] = i + 1;
                }
                view.upload(values);
                float[] all = block.download();
                assertEquals(1f, all[(int) (2 * alignment)], "the view's first element is the block's at its offset");
                assertEquals(30f, all[(int) (2 * alignment) + 29]);
                assertEquals(0f, all[(int) (2 * alignment) - 1], "nothing before it was written");
                assertEquals(0f, all[(int) (2 * alignment) + 30], "nor after it");
            }
            assertEquals(before, device.allocatedBytes(), "closing a view frees nothing");
        }
    }

    @Test
    void anUnalignedOrOutOfRangeViewIsRefusedWithTheFix() {
        long alignment = device.viewAlignmentElements();
        try (Tensor block = new Tensor(device, (int) (4 * alignment))) {
            if (alignment > 1) {
                IllegalArgumentException unaligned = assertThrows(IllegalArgumentException.class,
                        () -> block.view(1, 4));
                assertTrue(unaligned.getMessage().contains("must start at a multiple of " + alignment)
                        && unaligned.getMessage().endsWith("align the offset up."), unaligned.getMessage());
            }
            assertThrows(IndexOutOfBoundsException.class, () -> block.view(3 * alignment, (int) (2 * alignment)));
            try (Tensor view = block.view(0, 4)) {
                assertThrows(IllegalArgumentException.class, () -> view.view(0, 2), "a view of a view");
            }
        }
    }
}
