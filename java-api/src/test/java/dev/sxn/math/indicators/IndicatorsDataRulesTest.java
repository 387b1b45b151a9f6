package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Inputs that used to be accepted silently (issue 17, item 11): each is refused, naming the index and the rule. */
class IndicatorsDataRulesTest {
    private static final double[] X = {10, 11, 12, 11, 13, 14, 13, 15, 16, 15, 17, 18};

    @Test
    void macdNeedsTheFastPeriodShorterThanTheSlowOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> CompositeIndicators.macd(X, 6, 3, 2));
        assertEquals("fast must be < slow (3): the fast EMA is the shorter one, was 6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CompositeIndicators.macd(X, 3, 3, 2));
        CompositeIndicators.macd(X, 2, 3, 2); // fast < slow is fine
    }

    @Test
    void negativeVolumeIsRefusedByBothVwapsAndNonFiniteIsMissing() {
        double[] v = {1, 2, 3, -4, 5, 6, 7, 8, 9, 10, 11, 12};
        var e = assertThrows(IllegalArgumentException.class, () -> CompositeIndicators.vwap(X, v, 3));
        assertEquals("volume[3] must be >= 0 (non-finite: missing), was -4.0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Indicators.vwapCumulative(X, v));
        double[] missing = v.clone();
        for (double m : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
            missing[3] = m;
            double[] r = CompositeIndicators.vwap(X, missing, 3);
            assertEquals(Double.NaN, r[4], "a window holding the missing volume is NaN");
            Indicators.vwapCumulative(X, missing);
        }
    }

    @Test
    void atrRefusesAHighBelowItsLow() {
        double[] high = X.clone(), low = new double[X.length];
        for (int i = 0; i < X.length; i++) low[i] = X[i] - 1;
        low[5] = high[5] + 0.5;
        var e = assertThrows(IllegalArgumentException.class, () -> CompositeIndicators.atr(high, low, X, 3));
        assertEquals("high[5] must be >= low[5] = 14.5, was 14.0", e.getMessage());
        low[5] = Double.NaN; // a missing bar passes
        double[] r = CompositeIndicators.atr(high, low, X, 3);
        assertEquals(X.length, r.length);
        double[] before = r.clone();
        assertArrayEquals(before, CompositeIndicators.atr(high, low, X, 3), "the check does not disturb the result");
    }
}
