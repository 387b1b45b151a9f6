package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drawdowns against gen_risk.py (risk_drawdown.txt) and hand-made curves. */
class DrawdownsTest {
    @Test
    void matchesReference() {
        Map<String, double[]> series = RiskReference.series();
        int rows = 0;
        for (String[] f : RiskReference.lines("risk_drawdown.txt")) {
            double[] r = series.get(f[0]);
            Drawdown d = Drawdowns.maxDrawdown(r);
            // Tolerance: 1e-13 relative (a running product of a few hundred factors); indices exact.
            assertClose(RiskReference.d(f, 1), d.maxDrawdown(), 0, 1e-13, f[0] + " max drawdown");
            assertEquals(Integer.parseInt(f[2]), d.peak(), f[0] + " peak");
            assertEquals(Integer.parseInt(f[3]), d.trough(), f[0] + " trough");
            assertEquals(Integer.parseInt(f[4]), d.recovery(), f[0] + " recovery");
            assertEquals(Integer.parseInt(f[5]), d.longestDuration(), f[0] + " longest duration");
            assertClose(RiskReference.d(f, 6), Drawdowns.ulcerIndex(r), 0, 1e-12, f[0] + " ulcer index");
            rows++;
        }
        assertEquals(5, rows);
    }

    @Test
    void equityIsSeededAtOneBeforeTheFirstReturn() {
        // A first return of -50% is a 50% drawdown from the seed (peak index 0), recovered by +100% at index 2.
        Drawdown d = Drawdowns.maxDrawdown(new double[] {-0.5, 1.0, 0.1});
        assertClose(0.5, d.maxDrawdown(), 0, 0, "max drawdown");
        assertEquals(0, d.peak());
        assertEquals(1, d.trough());
        assertEquals(2, d.recovery());
        assertTrue(d.recovered());
        assertEquals(2, d.longestDuration());
        // Ulcer: drawdowns after each return are -0.5, 0, 0.
        assertClose(100 * Math.sqrt(0.25 / 3), Drawdowns.ulcerIndex(new double[] {-0.5, 1.0, 0.1}), 0, 1e-15, "ulcer");
    }

    @Test
    void risingEquityHasNoDrawdown() {
        Drawdown d = Drawdowns.maxDrawdown(new double[] {0.01, 0.02});
        assertEquals(0.0, d.maxDrawdown());
        assertFalse(d.recovered());
        assertEquals(0, d.longestDuration());
    }
}
