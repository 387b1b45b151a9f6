package dev.sxn.math.risk;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.SeriesBatch;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rolling VaR/ES, Sharpe and volatility against gen_risk.py (risk_rolling.txt), the per-window facades and the batch. */
class RollingRiskTest {
    @Test
    void matchesReference() {
        double[] r = RiskReference.series().get("daily");
        int n = r.length, rows = 0, lastW = -1;
        double[] var = new double[n], es = new double[n], sharpe = new double[n], vol = new double[n];
        for (String[] f : RiskReference.lines("risk_rolling.txt")) {
            int w = Integer.parseInt(f[1]), end = Integer.parseInt(f[3]);
            double alpha = RiskReference.d(f, 2);
            if (w != lastW) {
                RollingRisk.historical(r, w, alpha, var, es);
                RollingRisk.sharpe(r, w, 0.02, 252, sharpe);
                RollingRisk.volatility(r, w, 252, vol);
                for (int i = 0; i < w - 1; i++) {
                    assertTrue(Double.isNaN(var[i]) && Double.isNaN(es[i]) && Double.isNaN(sharpe[i]) && Double.isNaN(vol[i]), "warm-up " + i);
                }
                lastW = w;
            }
            String what = "w " + w + " end " + end;
            // Tolerances: VaR 1e-15 relative (the same interpolation); ES 1e-12 (the Fenwick sums add and remove);
            // Sharpe and volatility 1e-10 relative (sliding moments, restarted exactly every w steps).
            assertClose(RiskReference.d(f, 4), var[end], 1e-17, 1e-15, "VaR " + what);
            assertClose(RiskReference.d(f, 5), es[end], 1e-16, 1e-12, "ES " + what);
            assertClose(RiskReference.d(f, 6), sharpe[end], 1e-12, 1e-10, "Sharpe " + what);
            assertClose(RiskReference.d(f, 7), vol[end], 1e-15, 1e-10, "vol " + what);
            rows++;
        }
        assertEquals((500 - 19) + (500 - 62) + (500 - 249), rows);
    }

    @Test
    void historicalEqualsThePerWindowFacadeWithTies() {
        Random rnd = new Random(20);
        double[] r = new double[300];
        // Few distinct values: ties at the quantile and repeated ranks in the window.
        for (int i = 0; i < r.length; i++) r[i] = (rnd.nextInt(9) - 4) * 0.01;
        double[] var = new double[r.length], es = new double[r.length];
        for (int w : new int[] {1, 2, 7, 40, 300}) {
            for (double alpha : new double[] {0.01, 0.05, 0.25, 0.5, 0.99}) {
                RollingRisk.historical(r, w, alpha, var, es);
                for (int i = w - 1; i < r.length; i++) {
                    TailRisk t = ValueAtRisk.historical(java.util.Arrays.copyOfRange(r, i - w + 1, i + 1), alpha);
                    assertClose(t.var(), var[i], 1e-17, 1e-15, "VaR w " + w + " alpha " + alpha + " at " + i);
                    assertClose(t.es(), es[i], 1e-15, 1e-12, "ES w " + w + " alpha " + alpha + " at " + i);
                }
            }
        }
    }

    @Test
    void batchEqualsEachAssetAlone() {
        Random rnd = new Random(7);
        int k = 5, t = 120, w = 30;
        double[][] series = new double[k][t];
        for (double[] s : series) for (int i = 0; i < t; i++) s[i] = 0.01 * rnd.nextGaussian();
        SeriesBatch b = SeriesBatch.of(series);
        SeriesBatch var = b.like(), es = b.like(), sh = b.like(), vol = b.like();
        RollingRisk.historical(b, w, 0.05, var, es);
        RollingRisk.sharpe(b, w, 0.01, 252, sh);
        RollingRisk.volatility(b, w, 252, vol);
        double[] v1 = new double[t], e1 = new double[t], s1 = new double[t], o1 = new double[t];
        for (int a = 0; a < k; a++) {
            RollingRisk.historical(series[a], w, 0.05, v1, e1);
            RollingRisk.sharpe(series[a], w, 0.01, 252, s1);
            RollingRisk.volatility(series[a], w, 252, o1);
            // Bit for bit: the same core, strided.
            assertArrayEquals(v1, var.series(a), 0.0);
            assertArrayEquals(e1, es.series(a), 0.0);
            assertArrayEquals(s1, sh.series(a), 0.0);
            assertArrayEquals(o1, vol.series(a), 0.0);
        }
    }

    @Test
    void arguments() {
        double[] r = {0.01, 0.02, -0.01}, out = new double[3], out2 = new double[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RollingRisk.volatility(r, 1, 252, out));
        assertEquals("w must be in [2, 3] (the series length), was 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RollingRisk.historical(r, 4, 0.05, out, out2));
        assertEquals("w must be in [1, 3] (the series length), was 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RollingRisk.historical(r, 2, 0.05, out, out));
        assertEquals("var must not be the same array as es", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RollingRisk.sharpe(r, 2, 0, 252, new double[2]));
        assertEquals("out.length must be 3 (returns.length), was 2", e.getMessage());
        SeriesBatch b = SeriesBatch.zeros(2, 10);
        e = assertThrows(IllegalArgumentException.class, () -> RollingRisk.volatility(b, 3, 252, SeriesBatch.zeros(3, 10)));
        assertEquals("returns is 2x10 and out is 3x10 (assets x length): shapes differ", e.getMessage());
    }
}
