package netc.data;

import java.util.Arrays;

/**
 * The contents of one IDX file of unsigned bytes: its dimensions ({@code [count]} for labels,
 * {@code [count, rows, cols]} for images) and its values, row-major.
 */
public record IdxArray(int[] dimensions, byte[] values) {
    public int count() {
        return dimensions[0];
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dimensions);
    }
}
