package dev.sxn.math.internal.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Crossovers;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 18, item 4: the crossover a sweep's timings give, against JAVA and the kinds a kind would displace. */
class CrossoverRuleTest {
    private static final double N = Double.NaN;
    private static final long[] SIZES = {16, 64, 256, 1024};
    private static final List<Backend> ORDER = List.of(Backend.NATIVE, Backend.VECTOR);

    private static Map<Backend, double[]> times(double[] java, double[] nat, double[] vec) {
        Map<Backend, double[]> t = new EnumMap<>(Backend.class);
        t.put(Backend.JAVA, java);
        t.put(Backend.NATIVE, nat);
        t.put(Backend.VECTOR, vec);
        return t;
    }

    @Test
    void theSmallestSizeFromWhichTheKindStaysNoSlower() {
        // VECTOR loses at 16, wins from 64 on; it displaces only JAVA.
        var t = times(new double[] {1, 4, 16, 64}, new double[] {N, N, N, N}, new double[] {2, 3, 8, 20});
        CrossoverRule.Decision d = CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 9999);
        assertTrue(d.measured());
        assertEquals(64, d.size());
        assertEquals("slower than JAVA at 16, no slower from 64", d.note());
    }

    @Test
    void aWinBelowALossDoesNotCount() {
        // Wins at 16 and 64, loses at 256, wins at 1024: chosen from 1024 only (it must stay no slower from there).
        var t = times(new double[] {2, 8, 16, 64}, new double[] {N, N, N, N}, new double[] {1, 4, 20, 30});
        assertEquals(1024, CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 9999).size());
    }

    @Test
    void winningEverywhereGivesTheSmallestSize() {
        var t = times(new double[] {2, 8, 16, 64}, new double[] {N, N, N, N}, new double[] {1, 4, 8, 30});
        CrossoverRule.Decision d = CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 9999);
        assertEquals(16, d.size());
        assertEquals("no slower than JAVA at every size measured, from 16", d.note());
    }

    @Test
    void aKindIsNotTakenWhereTheKindItWouldDisplaceIsFaster() {
        // NATIVE beats JAVA everywhere but VECTOR beats NATIVE from 256: NATIVE first in the order would cost.
        var t = times(new double[] {4, 16, 64, 256}, new double[] {2, 8, 40, 200}, new double[] {3, 9, 20, 100});
        CrossoverRule.Decision nat = CrossoverRule.decide(Backend.NATIVE, ORDER, SIZES, t, 8);
        assertTrue(nat.measured());
        assertEquals(Crossovers.NEVER, nat.size());
        assertEquals("slower than JAVA and [VECTOR] at 1024, the largest size measured", nat.note());
        assertEquals(16, CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 64).size());
    }

    @Test
    void aRivalNotMeasuredAtASizeIsNoRivalThere() {
        var t = times(new double[] {4, 16, 64, 256}, new double[] {2, 8, 40, 200}, new double[] {N, N, N, 100});
        assertEquals(Crossovers.NEVER, CrossoverRule.decide(Backend.NATIVE, ORDER, SIZES, t, 8).size());
        t = times(new double[] {4, 16, 64, 256}, new double[] {2, 8, 40, 90}, new double[] {N, N, N, 100});
        assertEquals(16, CrossoverRule.decide(Backend.NATIVE, ORDER, SIZES, t, 8).size());
    }

    @Test
    void aShippedCrossoverBeyondTheSweepIsKept() {
        // A GPU that loses up to the largest size measured and was shipped as winning from 2^25.
        var t = times(new double[] {1, 2, 3, 4}, new double[] {N, N, N, N}, new double[] {5, 6, 7, 8});
        CrossoverRule.Decision d = CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 1L << 25);
        assertFalse(d.measured());
        assertEquals(1L << 25, d.size());
        d = CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 64);
        assertTrue(d.measured());
        assertEquals(Crossovers.NEVER, d.size());
    }

    @Test
    void aSweepTheBudgetCutShortDecidesFromWhatItMeasured() {
        var t = times(new double[] {N, N, 16, 64}, new double[] {N, N, N, N}, new double[] {N, N, 8, 20});
        CrossoverRule.Decision d = CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 16);
        assertEquals(256, d.size());
        assertEquals("no slower than JAVA from 256 (the budget ended the sweep there)", d.note());
        t = times(new double[] {N, N, N, N}, new double[] {N, N, N, N}, new double[] {N, N, N, N});
        d = CrossoverRule.decide(Backend.VECTOR, ORDER, SIZES, t, 16);
        assertFalse(d.measured());
        assertEquals(16, d.size());
    }
}
