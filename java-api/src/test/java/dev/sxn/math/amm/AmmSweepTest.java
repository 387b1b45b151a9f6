package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import org.junit.jupiter.api.Test;

/**
 * Sweeps on JAVA: every set's metrics equal its single run's bit for bit, whatever the thread split (the other kinds:
 * SweepKernelsTest); grids are the product in the documented order.
 */
class AmmSweepTest {
    private static final AmmMetric[] METRICS = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.RETURNS_OVER_HODL, AmmMetric.DAILY_VAR_95,
        AmmMetric.CALMAR, AmmMetric.FEE_REVENUE_OVER_VALUE};

    @Test
    void batchedSetsEqualSingleRunsBitForBit() {
        MinutePrices prices = AmmReference.prices(6 * 1440, 2);
        for (AmmConfig config : new AmmConfig[] {AmmConfig.defaults().withChunks(60, 60).withMaximumChange(1e-3),
            AmmConfig.defaults().withChunks(120, 60).withFees(0.003, 0.5, 0.0).withInterpolation(Interpolation.APPROX_OPTIMAL)}) {
            TfmmPool pool = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, config);
            RuleParams[] sets = ParamGrid.over(RuleParams.momentum(5, 20, config.chunkPeriod())).linspace(0, 1.0, 4.0, 3).log2Range(1, 1, 256, 4).build();
            assertEquals(12, sets.length);
            double[] out1 = new double[sets.length * METRICS.length], out3 = out1.clone();
            AmmSweep.metrics(pool, prices, 1440, 4 * 1440 + 1, sets, METRICS, out1, 1, Backend.JAVA);
            AmmSweep.metrics(pool, prices, 1440, 4 * 1440 + 1, sets, METRICS, out3, 3, Backend.JAVA);
            for (int s = 0; s < sets.length; s++) {
                for (int j = 0; j < METRICS.length; j++) {
                    double single = pool.metric(prices, 1440, 4 * 1440 + 1, sets[s], METRICS[j]);
                    assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(out1[s * METRICS.length + j]), "set " + s + " " + METRICS[j]);
                    assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(out3[s * METRICS.length + j]), "set " + s + " " + METRICS[j]);
                }
            }
        }
    }

    @Test
    void gridIsTheProductFirstAxisSlowest() {
        RuleParams base = new RuleParams(1, 2, 3, 4, 5, 0.5);
        RuleParams[] g = ParamGrid.over(base).values(1, 10, 20).linspace(3, 0, 1, 3).build();
        assertEquals(6, g.length);
        assertEquals(new RuleParams(1, 10, 3, 0, 5, 0.5), g[0]);
        assertEquals(new RuleParams(1, 10, 3, 0.5, 5, 0.5), g[1]);
        assertEquals(new RuleParams(1, 20, 3, 1, 5, 0.5), g[5]);
        RuleParams[] logs = ParamGrid.over(base).log2Range(1, 1, 8, 4).build();
        assertEquals(3.0, logs[3].logK(), 1e-15);
        assertEquals(1.0, logs[1].logK(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ParamGrid.over(base).values(1, 1).values(1, 2));
    }
}
