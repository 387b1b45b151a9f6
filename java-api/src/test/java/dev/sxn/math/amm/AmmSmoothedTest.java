package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The smoothed training mode: off by default (the hard pass's bits unchanged); as both temperatures go to 0 the
 * smoothed arbitrage's trade and the pool's metrics converge to the hard ones; large temperatures blend.
 */
class AmmSmoothedTest {
    private static final AmmConfig FEES = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.01).withFees(0.003, 1.0, 0.0005);

    @Test
    void offByDefaultAndChecked() {
        assertFalse(AmmConfig.defaults().smoothed());
        assertFalse(FEES.smoothed());
        AmmConfig s = FEES.withSmoothing(2, 3);
        assertTrue(s.smoothed());
        assertEquals(2, s.patternTemperature());
        assertEquals(3, s.gateTemperature());
        assertEquals(FEES, s.hard());
        assertEquals(s, s.withChunks(60, 60));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FEES.withSmoothing(0, 1));
        assertEquals("patternTemperature must be finite and > 0, was 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AmmConfig(60, 60, 0.01, Double.NaN, 365, 1e6, 0.003, 0, 0,
                Interpolation.LINEAR, 1.0, 0.0));
        assertTrue(e.getMessage().startsWith("gateTemperature must be > 0 exactly when patternTemperature (1.0) is"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FEES.withSmoothing(Double.NaN, 1));
    }

    @Test
    void smoothedTradeConvergesToTheHardTrade() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = 3;
        double[] r = new double[n], w = new double[n], p = new double[n], hard = new double[n], soft = new double[n], rh = new double[n],
                rs = new double[n], work = new double[3 * n * (n - 1)];
        int traded = 0;
        int blended = 0;
        for (int c = 0; c < 200; c++) {
            double sw = 0;
            for (int i = 0; i < n; i++) {
                w[i] = 0.2 + rnd.nextDouble();
                sw += w[i];
            }
            for (int i = 0; i < n; i++) {
                w[i] /= sw;
                p[i] = 10 + 90 * rnd.nextDouble();
                r[i] = 1e6 * w[i] / p[i] * Math.exp(0.02 * (rnd.nextDouble() - 0.5));
            }
            System.arraycopy(r, 0, rh, 0, n);
            double feeHard = Arbitrage.arbitrage(rh, w, 0, p, 0, n, 0.997, 1.0, 0.0005, hard);
            boolean executed = !java.util.Arrays.equals(rh, r);
            if (executed) traded++;
            double first = 0, last = 0;
            for (double t : new double[] {1e2, 1e-6}) {
                System.arraycopy(r, 0, rs, 0, n);
                double feeSoft = Arbitrage.smoothedArbitrage(rs, w, 0, p, 0, n, 0.997, 1.0, 0.0005, t, t, soft, work);
                double err = Math.abs(feeSoft - feeHard);
                for (int i = 0; i < n; i++) err = Math.max(err, Math.abs(rs[i] - rh[i]) * p[i]);
                if (t > 1) first = err;
                else last = err;
            }
            // value error in the numeraire of a 1e6 pool: 1e-6 is a relative 1e-12
            assertEquals(0, last, 1e-6, "case " + c + " at T = 1e-6");
            if (first > 1e-3) blended++;
        }
        assertTrue(traded > 20 && traded < 180, traded + " of 200 cases traded");
        assertTrue(blended > traded / 2, blended + " of " + traded + " trades blended at T = 100");
    }

    @Test
    void metricsConvergeToTheHardPass() {
        MinutePrices prices = AmmReference.prices(7 * 1440, 3);
        RuleParams params = new RuleParams(3.2, 2.5, 1.4, 0.8, -0.5, 0.6);
        TfmmPool hard = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, FEES);
        int start = 1440, bout = 5 * 1440 + 1;
        for (AmmMetric m : new AmmMetric[] {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.FINAL_VALUE, AmmMetric.RETURNS_OVER_HODL, AmmMetric.FEE_REVENUE_OVER_VALUE,
            AmmMetric.DAILY_VAR_95}) {
            double ref = hard.metric(prices, start, bout, params, m);
            double[] err = new double[3];
            double[] temperatures = {1, 1e-7, 1e-9};
            for (int j = 0; j < temperatures.length; j++) {
                TfmmPool soft = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, FEES.withSmoothing(temperatures[j], temperatures[j]));
                err[j] = Math.abs(soft.metric(prices, start, bout, params, m) - ref) / Math.max(1e-300, Math.abs(ref));
            }
            String trace = m + " hard " + ref + " relative errors " + java.util.Arrays.toString(err);
            assertTrue(err[0] > 1e-7, "T = 1 differs from the hard pass: " + trace);
            // a percentile or a ratio need not approach monotonically; below the rows' smallest margins it is the hard pass
            assertEquals(0, err[1], 1e-12, trace);
            assertEquals(0, err[2], 1e-12, trace);
        }
    }
}
