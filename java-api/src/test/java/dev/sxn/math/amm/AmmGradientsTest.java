package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Forward-mode gradients through the zero-fee pass against central finite differences (h = 1e-5 on each
 * component): |grad - fd| <= 1e-5 max(1, max|fd|) per metric and rule, away from the pass's kinks (parameters chosen
 * where no clip or cap switches within h). The dual pass's metric equals the plain pass's bit for bit.
 */
class AmmGradientsTest {
    private static final double H = 1e-5;

    private static double fd(TfmmPool pool, MinutePrices prices, int start, int bout, RuleParams p, AmmMetric m, int k) {
        double[] x = new double[RuleParams.SIZE];
        p.toArray(x, 0);
        x[k] += H;
        double up = pool.metric(prices, start, bout, RuleParams.of(x, 0), m);
        x[k] -= 2 * H;
        double down = pool.metric(prices, start, bout, RuleParams.of(x, 0), m);
        return (up - down) / (2 * H);
    }

    @ParameterizedTest
    @EnumSource(value = WeightRule.class, names = {"MOMENTUM", "ANTI_MOMENTUM", "POWER_CHANNEL", "MEAN_REVERSION_CHANNEL"})
    void gradientsMatchCentralDifferences(WeightRule rule) {
        MinutePrices prices = AmmReference.prices(9 * 1440, 3);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.05);
        TfmmPool pool = TfmmPool.of(rule, new double[] {0.3, 0.3, 0.4}, config);
        RuleParams p = new RuleParams(3.2, rule == WeightRule.MEAN_REVERSION_CHANNEL ? 2.0 : 1.5, 1.4, 0.8, -0.5, 0.6);
        for (AmmMetric m : new AmmMetric[] {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.SHARPE, AmmMetric.RETURNS_OVER_HODL, AmmMetric.ANNUALISED_RETURNS,
            AmmMetric.GREATEST_DRAW_DOWN, AmmMetric.FINAL_VALUE}) {
            double[] g = new double[RuleParams.SIZE];
            double v = AmmGradients.valueAndGradient(pool, prices, 1440, 7 * 1440 + 1, p, m, g);
            assertEquals(Double.doubleToLongBits(pool.metric(prices, 1440, 7 * 1440 + 1, p, m)), Double.doubleToLongBits(v), rule + " " + m);
            double[] f = new double[RuleParams.SIZE];
            double scale = 1;
            for (int k = 0; k < RuleParams.SIZE; k++) {
                f[k] = fd(pool, prices, 1440, 7 * 1440 + 1, p, m, k);
                scale = Math.max(scale, Math.abs(f[k]));
            }
            for (int k = 0; k < RuleParams.SIZE; k++) {
                assertEquals(f[k], g[k], 1e-5 * scale, rule + " " + m + " d/d component " + k + " (fd " + java.util.Arrays.toString(f) + ")");
            }
            if (m == AmmMetric.DAILY_LOG_SHARPE) assertTrue(Math.abs(g[0]) + Math.abs(g[1]) > 0, "the objective depends on lambda and k");
        }
    }

    /**
     * The smoothed fee pass (3 assets: six arbitrage patterns; gas and arbitrage fees, so the gate binds): gradients
     * against central differences of the same smoothed pass (h = 1e-5), |grad - fd| <= 1e-5 max(1, max|fd|), parameters
     * away from the kinks the pass keeps (a pattern turning valid, |t| at 0); the dual metric equals the
     * plain smoothed metric bit for bit; a subset of components gives the full gradient's entries bit for bit.
     */
    @ParameterizedTest
    @EnumSource(value = WeightRule.class, names = {"MOMENTUM", "POWER_CHANNEL"})
    void smoothedFeeGradientsMatchCentralDifferences(WeightRule rule) {
        MinutePrices prices = AmmReference.prices(5 * 1440, 3);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.05).withFees(0.003, 1.0, 0.0005).withSmoothing(20, 5);
        TfmmPool pool = TfmmPool.of(rule, new double[] {0.3, 0.3, 0.4}, config);
        RuleParams p = new RuleParams(3.2, 2.5, 1.4, 0.8, -0.5, 0.6);
        int start = 1440, bout = 3 * 1440 + 1;
        for (AmmMetric m : new AmmMetric[] {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.RETURNS_OVER_HODL, AmmMetric.FINAL_VALUE}) {
            double[] g = new double[RuleParams.SIZE];
            double v = AmmGradients.valueAndGradient(pool, prices, start, bout, p, m, g);
            assertEquals(Double.doubleToLongBits(pool.metric(prices, start, bout, p, m)), Double.doubleToLongBits(v), rule + " " + m);
            double[] f = new double[RuleParams.SIZE];
            double scale = 1;
            for (int k = 0; k < RuleParams.SIZE; k++) {
                f[k] = fd(pool, prices, start, bout, p, m, k);
                scale = Math.max(scale, Math.abs(f[k]));
            }
            for (int k = 0; k < RuleParams.SIZE; k++) {
                assertEquals(f[k], g[k], 1e-5 * scale, rule + " " + m + " d/d component " + k + " (fd " + java.util.Arrays.toString(f) + ")");
            }
            assertTrue(Math.abs(g[0]) + Math.abs(g[1]) > 0, "the metric depends on lambda and k");
            int[] subset = {5, 1, 2};
            double[] gs = new double[3];
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(AmmGradients.valueAndGradient(pool, prices, start, bout, p, m, subset, gs)));
            for (int j = 0; j < subset.length; j++) assertEquals(g[subset[j]], gs[j], 0.0, "component " + subset[j]);
        }
        // the smoothing is what is differentiated: the hard pass with the same costs differs
        TfmmPool hard = TfmmPool.of(rule, new double[] {0.3, 0.3, 0.4}, config.hard());
        assertTrue(hard.metric(prices, start, bout, p, AmmMetric.FINAL_VALUE) != pool.metric(prices, start, bout, p, AmmMetric.FINAL_VALUE));
    }

    /** No swap fee but gas and arbitrage fees: the smoothed gate on the zero-fee trade (gamma = 1), same checks. */
    @Test
    void smoothedGateOnTheZeroFeeTrade() {
        MinutePrices prices = AmmReference.prices(4 * 1440, 2);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60).withMaximumChange(0.05).withFees(0.0, 2.0, 0.002).withSmoothing(20, 5);
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.4, 0.6}, config);
        RuleParams p = new RuleParams(3.0, 2.0, 1.0, 1.0, 0.0, 0.5);
        int start = 1440, bout = 2 * 1440 + 1;
        double[] g = new double[2];
        int[] components = {0, 1};
        double v = AmmGradients.valueAndGradient(pool, prices, start, bout, p, AmmMetric.FINAL_VALUE, components, g);
        assertEquals(Double.doubleToLongBits(pool.metric(prices, start, bout, p, AmmMetric.FINAL_VALUE)), Double.doubleToLongBits(v));
        double f0 = fd(pool, prices, start, bout, p, AmmMetric.FINAL_VALUE, 0), f1 = fd(pool, prices, start, bout, p, AmmMetric.FINAL_VALUE, 1);
        double scale = Math.max(1, Math.max(Math.abs(f0), Math.abs(f1)));
        assertEquals(f0, g[0], 1e-5 * scale, "fd " + f0 + ", " + f1);
        assertEquals(f1, g[1], 1e-5 * scale, "fd " + f0 + ", " + f1);
        assertTrue(Math.abs(g[0]) + Math.abs(g[1]) > 0);
    }

    @Test
    void refusesFeesAndNonDifferentiableMetrics() {
        MinutePrices prices = AmmReference.prices(3 * 1440, 2);
        TfmmPool fees = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60).withFees(0.003, 0, 0));
        double[] g = new double[6];
        assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(fees, prices, 0, 2 * 1440 + 1,
                RuleParams.momentum(5, 10, 60), AmmMetric.DAILY_LOG_SHARPE, g));
        TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, AmmConfig.defaults().withChunks(60, 60));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(pool, prices, 0, 2 * 1440 + 1,
                RuleParams.momentum(5, 10, 60), AmmMetric.DAILY_VAR_95, g));
        assertTrue(e.getMessage().startsWith("metric must be differentiable"), e.getMessage());
        RuleParams p = RuleParams.momentum(5, 10, 60);
        e = assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(pool, prices, 0, 2 * 1440 + 1, p, AmmMetric.RETURNS,
                new int[] {1, 1}, g));
        assertEquals("components[1] must not repeat an earlier entry, was 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(pool, prices, 0, 2 * 1440 + 1, p, AmmMetric.RETURNS,
                new int[] {7}, g));
        assertTrue(e.getMessage().startsWith("components[0] must be"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(pool, prices, 0, 2 * 1440 + 1, p, AmmMetric.RETURNS,
                new int[0], g));
        assertThrows(IllegalArgumentException.class, () -> AmmGradients.valueAndGradient(pool, prices, 0, 2 * 1440 + 1, p, AmmMetric.RETURNS,
                new int[] {0, 1, 2}, new double[2]));
    }
}
