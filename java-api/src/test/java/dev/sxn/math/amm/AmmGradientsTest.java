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
    }
}
