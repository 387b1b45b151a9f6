package dev.sxn.math.regime.market;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The confusion matrix, the best label mapping and the hit rate on hand-made labels. */
class RegimeConfusionTest {
    @Test
    void findsThePermutationOfArbitraryLabels() {
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 1};
        // The detector calls regime 0 "2", 1 "0" and 2 "1", and errs once (index 9: it says 1 where 0 is right).
        int[] detected = {2, 2, 2, 0, 0, 1, 1, 1, 1, 1};
        RegimeConfusion c = RegimeConfusion.of(truth, detected, 0, truth.length, 3);
        assertArrayEquals(new int[][] {{0, 0, 3}, {2, 1, 0}, {0, 4, 0}}, c.counts());
        int[] m = c.bestMapping();
        assertArrayEquals(new int[] {1, 2, 0}, m);
        assertEquals(0.9, c.hitRate(m), 0.0);
        assertEquals(0.1, c.hitRate(new int[] {0, 1, 2}), 0.0);
        RegimeConfusion tail = RegimeConfusion.of(truth, detected, 5, 4, 3);
        assertEquals(4, tail.size());
        assertEquals(1.0, tail.hitRate(m), 0.0);
        assertEquals(0.0, tail.hitRate(new int[] {0, 1, 2}), 0.0);
    }

    @Test
    void argumentsAreChecked() {
        int[] a = {0, 1, 3};
        assertEquals("detected[2] must be in [0, 2], was 3",
                assertThrows(IllegalArgumentException.class, () -> RegimeConfusion.of(new int[3], a, 0, 3, 3)).getMessage());
        assertEquals("from + length must be <= the labels' length (3), was 4",
                assertThrows(IllegalArgumentException.class, () -> RegimeConfusion.of(a, a, 1, 3, 4)).getMessage());
    }
}
