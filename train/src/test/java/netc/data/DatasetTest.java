package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {
    private static Dataset three() {
        return new Dataset("three", new byte[] {1, 2, 3, 4, 5, 6}, new byte[] {7, 8, 9}, 3, 1, 2, 10);
    }

    @Test
    void limitKeepsTheFirstExamples() {
        Dataset first2 = three().limit(2);
        assertEquals(2, first2.count());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, first2.pixels());
        assertArrayEquals(new byte[] {7, 8}, first2.labels());
    }

    @Test
    void limitZeroOrTooLargeKeepsEverything() {
        Dataset all = three();
        assertSame(all, all.limit(0));
        assertSame(all, all.limit(3));
    }

    @Test
    void arraysThatDisagreeWithTheShapeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", new byte[5], new byte[3], 3, 1, 2, 10));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", new byte[6], new byte[2], 3, 1, 2, 10));
    }
}
