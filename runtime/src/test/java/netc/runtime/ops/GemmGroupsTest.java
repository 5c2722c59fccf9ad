package netc.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class GemmGroupsTest {
    @Test
    void groupsStayWithinTheKernelLimitAndFillRowBlocksFirst() {
        GemmGroups cpu = new GemmGroups(1, 1);
        long[] local = cpu.local(new long[] {3, 1000}, 48);
        assertArrayEquals(new long[] {4, 8}, local); // 32: the largest power of two <= 48, rows first
        assertArrayEquals(new long[] {4, 1000}, GemmGroups.padded(new long[] {3, 1000}, local));
        assertArrayEquals(new long[] {1, 1}, cpu.local(new long[] {1, 1}, 1024));
    }

    @Test
    void smallGridsGetSmallerGroupsSoEveryCoreHasSeveral() {
        // 144 blocks on 2 cores: at least 8 groups, so 16 work-items each.
        assertArrayEquals(new long[] {16, 1}, new GemmGroups(2, 1).local(new long[] {16, 9}, 1024));
        // A GPU keeps a warp per group however small the grid.
        assertArrayEquals(new long[] {16, 2}, new GemmGroups(132, 32).local(new long[] {16, 9}, 1024));
    }
}
