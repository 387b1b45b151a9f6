package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Returns, moments and performance ratios against gen_risk.py's NumPy/SciPy formulas (risk_metrics.txt). */
class PerformanceTest {
    private static final Map<String, double[]> SERIES = RiskReference.series();

    @Test
    void returnsFromPrices() {
        double[] p = SERIES.get("prices");
        double[] simple = Returns.simple(p), log = Returns.log(p);
        int rows = 0;
        for (String[] f : RiskReference.lines("risk_metrics.txt")) {
            if (!f[0].equals("prices")) continue;
            int i = Integer.parseInt(f[2]);
            double[] got = f[1].equals("simple") ? simple : log;
            // Tolerance: 1e-16 absolute + 1e-14 relative (one division, one log).
            assertClose(RiskReference.d(f, 3), got[i], 1e-16, 1e-14, f[1] + " return " + i);
            rows++;
        }
        assertEquals(2 * (p.length - 1), rows);
        double[] into = new double[p.length - 1];
        Returns.simpleInto(p, into);
        assertEquals(simple[7], into[7], 0.0);
    }

    @Test
    void metricsMatchReference() {
        int rows = 0;
        for (String[] f : RiskReference.lines("risk_metrics.txt")) {
            if (f[0].equals("prices")) continue;
            double[] r = SERIES.get(f[0]);
            double expected = RiskReference.d(f, f.length - 1), got;
            switch (f[1]) {
                case "sharpe" -> got = Performance.sharpe(r, RiskReference.d(f, 2), RiskReference.d(f, 3));
                case "sortino" -> got = Performance.sortino(r, RiskReference.d(f, 2), RiskReference.d(f, 3));
                case "omega" -> got = Performance.omega(r, RiskReference.d(f, 2), RiskReference.d(f, 3));
                case "cagr" -> got = Performance.cagr(r, RiskReference.d(f, 2));
                case "calmar" -> got = Performance.calmar(r, RiskReference.d(f, 2));
                case "sterling" -> got = Performance.sterling(r, RiskReference.d(f, 2));
                case "winrate" -> got = Performance.winRate(r);
                case "profitfactor" -> got = Performance.profitFactor(r);
                case "tailratio" -> got = Performance.tailRatio(r);
                case "skew_g1" -> got = Moments.skewnessPopulation(r);
                case "skew_G1" -> got = Moments.skewnessSample(r);
                case "kurt_g2" -> got = Moments.excessKurtosisPopulation(r);
                case "kurt_G2" -> got = Moments.excessKurtosisSample(r);
                case "mean" -> got = Moments.mean(r);
                case "std" -> got = Moments.std(r);
                default -> throw new AssertionError("unknown metric " + f[1]);
            }
            // Tolerance: 1e-15 absolute + 1e-11 relative (sums of a few hundred terms in another order, pow).
            assertClose(expected, got, 1e-15, 1e-11, f[0] + " " + String.join(" ", f));
            rows++;
        }
        assertTrue(rows >= 5 * 18, "reference rows read: " + rows);
    }

    @Test
    void ratesAreConvertedPerPeriodNotDivided() {
        // 12.68250301319698% a year is exactly 1% a month compounded.
        assertClose(0.01, Performance.perPeriodRate(Math.pow(1.01, 12) - 1, 12), 0, 1e-14, "monthly rate");
        double[] r = {0.01, 0.02, -0.005, 0.015};
        double rf = Performance.perPeriodRate(0.05, 252);
        double m = (0.01 + 0.02 - 0.005 + 0.015) / 4;
        assertClose((m - rf) / Moments.std(r) * Math.sqrt(252), Performance.sharpe(r, 0.05, 252), 0, 1e-14, "Sharpe");
    }

    @Test
    void downsideDeviationUsesAllObservations() {
        // Two losses of -0.02 among 4 returns: DD = sqrt((0.0004 + 0.0004) / 4), not over the 2 losing days.
        double[] r = {0.03, -0.02, 0.05, -0.02};
        double dd = Math.sqrt(0.0008 / 4);
        assertClose(0.01 / dd, Performance.sortino(r, 0, 1), 0, 1e-14, "Sortino");
    }

    @Test
    void degenerateRatiosAreNaNOrInfinity() {
        double[] flat = {0.01, 0.01, 0.01};
        assertTrue(Double.isNaN(Performance.sharpe(flat, 0, 252)));
        assertTrue(Double.isNaN(Performance.sortino(flat, 0, 252)));
        assertTrue(Double.isNaN(Performance.calmar(flat, 252)));
        assertEquals(Double.POSITIVE_INFINITY, Performance.profitFactor(flat));
        assertTrue(Double.isNaN(Performance.winRate(new double[] {0, 0})));
        assertTrue(Double.isNaN(Moments.skewnessPopulation(flat)));
        assertTrue(Double.isNaN(Performance.cagr(new double[] {-1.5}, 12)), "equity below zero has no CAGR");
    }
}
