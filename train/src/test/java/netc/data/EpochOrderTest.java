package netc.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpochOrderTest {
    @Test
    void theSameSeedAndEpochGiveTheSameOrder() {
        assertArrayEquals(EpochOrder.of(1000, true, 42, 3), EpochOrder.of(1000, true, 42, 3));
    }

    @Test
    void epochsAndSeedsGiveDifferentOrders() {
        int[] base = EpochOrder.of(1000, true, 42, 3);
        assertFalse(Arrays.equals(base, EpochOrder.of(1000, true, 42, 4)));
        assertFalse(Arrays.equals(base, EpochOrder.of(1000, true, 43, 3)));
        assertFalse(Arrays.equals(base, EpochOrder.of(1000, false, 42, 3)));
    }

    @Test
    void everyOrderIsAPermutation() {
        for (int count : new int[] {1, 2, 7, 1000}) {
            for (int epoch = 0; epoch < 5; epoch++) {
                int[] sorted = EpochOrder.of(count, true, 7, epoch).clone();
                Arrays.sort(sorted);
                assertArrayEquals(IntStream.range(0, count).toArray(), sorted);
            }
        }
    }

    @Test
    void withoutShuffleTheOrderIsTheDatasetsOwn() {
        assertArrayEquals(IntStream.range(0, 9).toArray(), EpochOrder.of(9, false, 42, 5));
    }

    @Test
    void shuffledPositionsAreRoughlyUniform() {
        // Where example 0 lands over 4000 epochs of 4 examples: 1000 expected per position; a
        // deviation of 150 is about 5.5 standard deviations (sd = sqrt(4000·¼·¾) ≈ 27).
        int[] landed = new int[4];
        for (int epoch = 0; epoch < 4000; epoch++) {
            int[] order = EpochOrder.of(4, true, 1, epoch);
            for (int position = 0; position < 4; position++) {
                if (order[position] == 0) {
                    landed[position]++;
                }
            }
        }
        for (int count : landed) {
            assertEquals(1000, count, 150, Arrays.toString(landed));
        }
    }
}
